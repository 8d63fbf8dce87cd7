// Owns the statistics report of a quiz: from stored attempt results and step logs to Moodle's figures, the score
// distribution and each item's response analysis (asked of its item type). Pure: the server reads, this builds.
import { z } from 'zod'
import { quizStatistics, type ItemFigures, type QuizFigures } from '../quiz-statistics'
import { answersOfSteps, type LoggedStep } from './attempt-steps'
import type { ItemVerdict } from './item-verdicts'
import type { ContentContext, ScoreGroup } from './item-type'
import { parseItemResponses, type Quiz, type QuizResponses } from './quiz'
import { itemAnalysis, itemTypeOf, type QuizItem, type QuizItemAnalysis } from './registry'

export type { DialogueReport, PathRow, ReplyRow, TurnRow } from './scenario-analysis'
export type { OptionAnalysis, OptionRow } from './choice-options'

export interface ScoreBand {
  /** Percent of the maximum, from (inclusive) to (exclusive, except the last band, which holds 100). */
  from: number
  to: number
  count: number
}

export type ItemFigureRow = Pick<
  ItemFigures,
  'facility' | 'sd' | 'discriminationIndex' | 'discriminativeEfficiency' | 'effectiveWeight'
>

/** One item on the statistics page: its figures and its type's response analysis (`type` picks the view). */
export type ItemReport = QuizItemAnalysis & {
  id: string
  prompt: string | null
  maxMark: number
  figures: ItemFigureRow | null
}

export interface QuizStatisticsPage {
  quiz: { id: string; kind: string; courseId: string; titleZh: string; titleEn: string; passMark: number; maxPoints: number }
  wholeOrganisation: boolean
  attempts: number
  learners: number
  passed: number
  passRate: number | null
  distribution: ScoreBand[]
  /** Attempts the analysis reads: each learner's first submitted attempt. */
  analysed: number
  figures: QuizFigures | null
  items: ItemReport[]
  /** What each item needs, in plain words: items that need action first (see item-verdicts.ts). */
  verdicts: ItemVerdict[]
}

// The part of a stored AttemptReview the figures read; anything else in it is ignored.
export const StoredResult = z.object({
  percent: z.number().optional(),
  items: z.array(z.object({ itemId: z.string(), points: z.number() })),
})
export type StoredResult = z.infer<typeof StoredResult>

/** One analysed attempt: its stored result and what its step log says the clerk answered. */
export interface AnalysedAttempt {
  id: string
  result: StoredResult
  responses: QuizResponses
}

const BANDS = 10
const MINIMUM_ATTEMPTS = 2

// The version's own maximum, which is what scoring wrote as `maxPoints` into every attempt on this version.
export const maxMarkOf = (item: QuizItem) => itemTypeOf(item).maxPoints(item)

export const pickItemFigures = (figures: ItemFigures): ItemFigureRow => ({
  facility: figures.facility,
  sd: figures.sd,
  discriminationIndex: figures.discriminationIndex,
  discriminativeEfficiency: figures.discriminativeEfficiency,
  effectiveWeight: figures.effectiveWeight,
})

/** Moodle's figures on the marks of `result.items`; null with fewer than 2 attempts or an unreadable one. */
export function figuresOf(quiz: Quiz, analysed: readonly { id: string; result: StoredResult }[]) {
  if (analysed.length < MINIMUM_ATTEMPTS) return null
  const input = {
    quiz: quiz.id,
    items: quiz.items.map((item) => ({ id: item.id, maxMark: maxMarkOf(item) })),
    attempts: analysed.map(({ id, result }) => ({
      id,
      user: id,
      marks: Object.fromEntries(result.items.map((item) => [item.itemId, item.points])),
    })),
  }
  try {
    return quizStatistics(input)
  } catch {
    return null // a stored result that does not fit its version: show no figures rather than wrong ones
  }
}

/** Counts per 10% band of the score; 100% falls into the last band. */
export function scoreDistribution(percents: number[]): ScoreBand[] {
  const counts = new Array<number>(BANDS).fill(0)
  for (const percent of percents) counts[Math.min(BANDS - 1, Math.max(0, Math.floor(percent / BANDS)))] += 1
  return counts.map((count, band) => ({ from: band * BANDS, to: (band + 1) * BANDS, count }))
}

/** What an attempt's step log says was answered, read as at submission (an unreadable item counts as blank). */
export function responsesOfSteps(quiz: Quiz, seed: string, steps: readonly LoggedStep[], ctx: ContentContext): QuizResponses {
  const { saved, recorded } = answersOfSteps(steps)
  return parseItemResponses(quiz, saved, recorded, { ...ctx, seed }).responses
}

const totalOf = (result: StoredResult) => result.items.reduce((sum, item) => sum + item.points, 0)

/** Upper and lower thirds by total score (ties keep input order); with fewer than 3 attempts all are middle. */
export function scoreGroups(attempts: readonly { id: string; result: StoredResult }[]): Map<string, ScoreGroup> {
  const ranked = [...attempts].sort((a, b) => totalOf(b.result) - totalOf(a.result))
  const third = Math.floor(ranked.length / 3)
  return new Map(
    ranked.map((attempt, index): [string, ScoreGroup] => [
      attempt.id,
      index < third ? 'upper' : index >= ranked.length - third ? 'lower' : 'middle',
    ]),
  )
}

/** Every item's report: Moodle's figures (when there are enough attempts) and its type's response analysis. */
export function itemReports(
  quiz: Quiz,
  analysed: readonly AnalysedAttempt[],
  ctx: ContentContext,
  figures: ReturnType<typeof figuresOf>,
): ItemReport[] {
  const groups = scoreGroups(analysed)
  return quiz.items.map((item, index) => {
    const type = itemTypeOf(item)
    const responses = analysed.map((attempt) => ({
      response: attempt.responses.byItemId.get(item.id) ?? type.emptyResponse(item),
      group: groups.get(attempt.id) ?? 'middle',
    }))
    return {
      ...itemAnalysis(item, responses, ctx),
      id: item.id,
      prompt: 'prompt' in item && typeof item.prompt === 'string' ? item.prompt : null,
      maxMark: maxMarkOf(item),
      figures: figures ? pickItemFigures(figures.items[index]) : null,
    }
  })
}
