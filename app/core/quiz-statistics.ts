// Owns Moodle-compatible quiz and item statistics: the input schema, its validation and the figures themselves.
import { z } from 'zod'
import {
  centralMoment,
  finiteOrNull,
  maximumCovariance,
  mean,
  median,
  sampleCovariance,
  sampleVariance,
} from './descriptive-statistics'

/** The attempts file the statistics read: the quiz's items and every attempt's mark on each of them. */
export const StatsInputSchema = z.object({
  quiz: z.string().min(1),
  items: z.array(z.object({ id: z.string().min(1), maxMark: z.number().finite().positive() })).min(1),
  attempts: z.array(
    z.object({
      id: z.string().min(1),
      user: z.string(),
      marks: z.record(z.string(), z.number().finite()),
    }),
  ),
})

/** A well-shaped attempts file (it may still fail the cross-checks of `statsInputErrors`). */
export type StatsInput = z.infer<typeof StatsInputSchema>

/** Either a valid input or the messages saying, per attempt and item, what is wrong with it. */
export type StatsInputResult = { ok: true; input: StatsInput } | { ok: false; errors: string[] }

/** The quiz figures, in raw marks of the total; null where the data leave a figure undefined. */
export type QuizFigures = {
  attempts: number
  mean: number
  median: number
  sd: number
  skewness: number | null
  kurtosis: number | null
  cic: number | null
  errorRatio: number | null
  standardError: number | null
}

/** One item's figures, plus the intermediate variances Moodle's tests also check. */
export type ItemFigures = {
  id: string
  facility: number
  sd: number
  discriminationIndex: number | null
  discriminativeEfficiency: number | null
  effectiveWeight: number | null
  markVariance: number
  restVariance: number
  covarianceWithRest: number
  maxCovarianceWithRest: number
}

/** The whole report: quiz figures, then one entry per item in input order. */
export type QuizStatisticsReport = { quiz: QuizFigures; items: ItemFigures[] }

const MINIMUM_ATTEMPTS = 2

/** Parses unknown JSON into a valid input, or returns every problem found, naming the attempt and item. */
export function parseStatsInput(raw: unknown): StatsInputResult {
  const parsed = StatsInputSchema.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => describeIssue(raw, issue)) }
  }
  const errors = statsInputErrors(parsed.data)
  return errors.length === 0 ? { ok: true, input: parsed.data } : { ok: false, errors }
}

/** The cross-checks a schema cannot express: enough attempts, known items, one in-range mark per item. */
export function statsInputErrors(input: StatsInput): string[] {
  const errors: string[] = []
  const maxMarkById = new Map<string, number>()
  for (const item of input.items) {
    if (maxMarkById.has(item.id)) errors.push(`item "${item.id}" is listed more than once`)
    maxMarkById.set(item.id, item.maxMark)
  }
  if (input.attempts.length < MINIMUM_ATTEMPTS) {
    const count = input.attempts.length
    errors.push(
      `quiz "${input.quiz}": ${count} attempt${count === 1 ? '' : 's'}, at least ${MINIMUM_ATTEMPTS} are needed`,
    )
  }
  const seenAttempts = new Set<string>()
  for (const attempt of input.attempts) {
    if (seenAttempts.has(attempt.id)) errors.push(`attempt "${attempt.id}" is listed more than once`)
    seenAttempts.add(attempt.id)
    for (const [itemId, maxMark] of maxMarkById) {
      const mark = attempt.marks[itemId]
      if (mark === undefined) {
        errors.push(`attempt "${attempt.id}", item "${itemId}": mark is missing`)
      } else if (mark < 0 || mark > maxMark) {
        errors.push(`attempt "${attempt.id}", item "${itemId}": mark ${mark} is out of range 0 to ${maxMark}`)
      }
    }
    for (const itemId of Object.keys(attempt.marks)) {
      if (!maxMarkById.has(itemId)) {
        errors.push(`attempt "${attempt.id}", item "${itemId}": unknown item id, not among the quiz's items`)
      }
    }
  }
  return errors
}

/** Computes the quiz and item figures; throws when the input fails `statsInputErrors`. */
export function quizStatistics(input: StatsInput): QuizStatisticsReport {
  const errors = statsInputErrors(input)
  if (errors.length > 0) throw new RangeError(`invalid quiz statistics input:\n${errors.join('\n')}`)

  const marksByItem = input.items.map((item) => input.attempts.map((attempt) => attempt.marks[item.id]))
  const totals = input.attempts.map((_, j) => marksByItem.reduce((sum, marks) => sum + marks[j], 0))
  const markVariances = marksByItem.map((marks) => sampleVariance(marks))
  const weights = effectiveWeights(marksByItem.map((marks) => sampleCovariance(marks, totals)))

  return {
    quiz: quizFigures(totals, markVariances),
    items: input.items.map((item, i) =>
      itemFigures(item.id, item.maxMark, marksByItem[i], totals, markVariances[i], weights[i]),
    ),
  }
}

function quizFigures(totals: number[], markVariances: number[]): QuizFigures {
  const n = totals.length
  const p = markVariances.length
  const m2 = centralMoment(totals, 2)
  const m3 = centralMoment(totals, 3)
  const m4 = centralMoment(totals, 4)
  const k2 = (n * m2) / (n - 1)
  const k3 = (n ** 2 * m3) / ((n - 1) * (n - 2))
  const k4 = (n ** 2 * ((n + 1) * m4 - 3 * (n - 1) * m2 ** 2)) / ((n - 1) * (n - 2) * (n - 3))
  const sd = Math.sqrt(k2)
  const spreadDefined = k2 > 0
  const sumOfMarkVariances = markVariances.reduce((sum, variance) => sum + variance, 0)
  const cic = spreadDefined && p > 1 ? 100 * (p / (p - 1)) * (1 - sumOfMarkVariances / k2) : Number.NaN
  // cic ≤ 100 in exact arithmetic (the total's variance is at most p times the sum of item variances);
  // the clamp only absorbs rounding so that the square root stays defined.
  const errorRatio = 100 * Math.sqrt(Math.max(0, 1 - cic / 100))
  return {
    attempts: n,
    mean: mean(totals),
    median: median(totals),
    sd,
    skewness: spreadDefined && n > 2 ? finiteOrNull(k3 / k2 ** 1.5) : null,
    kurtosis: spreadDefined && n > 3 ? finiteOrNull(k4 / k2 ** 2) : null,
    cic: finiteOrNull(cic),
    errorRatio: finiteOrNull(errorRatio),
    standardError: finiteOrNull((errorRatio / 100) * sd),
  }
}

function itemFigures(
  id: string,
  maxMark: number,
  marks: number[],
  totals: number[],
  markVariance: number,
  effectiveWeight: number | null,
): ItemFigures {
  const rest = totals.map((total, j) => total - marks[j])
  const restVariance = sampleVariance(rest)
  const covarianceWithRest = sampleCovariance(marks, rest)
  const maxCovarianceWithRest = maximumCovariance(marks, rest)
  const spreadProduct = markVariance * restVariance
  return {
    id,
    facility: mean(marks) / maxMark,
    sd: Math.sqrt(markVariance) / maxMark,
    discriminationIndex:
      spreadProduct > 0 ? finiteOrNull((100 * covarianceWithRest) / Math.sqrt(spreadProduct)) : null,
    discriminativeEfficiency:
      maxCovarianceWithRest > 0 ? finiteOrNull((100 * covarianceWithRest) / maxCovarianceWithRest) : null,
    effectiveWeight,
    markVariance,
    restVariance,
    covarianceWithRest,
    maxCovarianceWithRest,
  }
}

/** 100·√cov(x_i, X) / Σ√cov(x_k, X) over the items with cov ≥ 0; null for a negative cov or a zero sum. */
function effectiveWeights(covariancesWithTotal: number[]): (number | null)[] {
  const sumOfRoots = covariancesWithTotal
    .filter((covariance) => covariance >= 0)
    .reduce((sum, covariance) => sum + Math.sqrt(covariance), 0)
  return covariancesWithTotal.map((covariance) =>
    covariance >= 0 && sumOfRoots > 0 ? (100 * Math.sqrt(covariance)) / sumOfRoots : null,
  )
}

/** Turns a zod issue into a sentence that names the attempt (and item) or the item it concerns. */
function describeIssue(raw: unknown, issue: z.ZodIssue): string {
  const [section, index, field, key] = issue.path
  if (section === 'attempts' && typeof index === 'number') {
    const attempt = `attempt ${quotedId(raw, 'attempts', index)}`
    if (field === 'marks' && typeof key === 'string') return `${attempt}, item "${key}": ${issue.message}`
    return `${attempt}${field === undefined ? '' : `, ${String(field)}`}: ${issue.message}`
  }
  if (section === 'items' && typeof index === 'number') {
    const item = `item ${quotedId(raw, 'items', index)}`
    return `${item}${field === undefined ? '' : `, ${String(field)}`}: ${issue.message}`
  }
  return `${issue.path.length > 0 ? issue.path.join('.') : 'file'}: ${issue.message}`
}

const IdentifiedEntry = z.object({ id: z.string().min(1) })

/** `"the-id"` when the raw entry has a string id, else its position (`#3`, counting from 1). */
function quotedId(raw: unknown, section: 'attempts' | 'items', index: number): string {
  const file = z.record(z.string(), z.unknown()).safeParse(raw)
  const list = file.success ? file.data[section] : undefined
  const entry = Array.isArray(list) ? IdentifiedEntry.safeParse(list[index]) : undefined
  return entry?.success ? `"${entry.data.id}"` : `#${index + 1}`
}
