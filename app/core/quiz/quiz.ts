// Owns a quiz: its file schema, content problems, the client's view, reading answers, scoring and the review.
import { z } from 'zod'
import { itemSeed, type ContentContext, type ItemResult, type ScoringContext } from './item-type'
import { say, type Lang, type Problem, type ProblemPath } from './problem'
import {
  itemReview,
  itemTypeOf,
  itemView,
  QuizItemSchema,
  type QuizItem,
  type QuizItemReview,
  type QuizItemView,
} from './registry'
import { LocalizedTextSchema, requireUniqueIds, SlugSchema, type LocalizedText } from './schema-parts'
import { seededShuffle } from './shuffle'

export { itemSeed }

export const QuizSchema = z
  .object({
    id: SlugSchema,
    title: LocalizedTextSchema,
    course: SlugSchema,
    modules: z.array(SlugSchema).min(1, '至少要覆盖一个模块'),
    passMark: z.number().min(0).max(100),
    attemptsAllowed: z.number().int().min(0), // 0 = unlimited
    minDelayMinutes: z.number().min(0),
    timeLimitMinutes: z.number().positive().optional(),
    shuffle: z.boolean().default(false),
    // one item per screen on a phone with a question navigator, or every item on one page
    layout: z.enum(['one-per-page', 'all-on-one-page']).optional(), // absent: one-per-page
    items: z.array(QuizItemSchema).min(1, '至少需要一道题'),
  })
  .strict()
  .superRefine((quiz, ctx) => {
    requireUniqueIds(quiz.items, ['items'], ctx)
    quiz.modules.forEach((module, index) => {
      if (quiz.modules.indexOf(module) < index) {
        ctx.addIssue({ code: 'custom', path: ['modules', index], message: `模块「${module}」重复` })
      }
    })
  })
export type Quiz = z.infer<typeof QuizSchema>

/** Answers recorded by the server step by step (scenario items: the authored reply ids), by item id. */
export type RecordedResponses = Readonly<Record<string, unknown>>

export interface QuizView {
  id: string
  title: LocalizedText
  timeLimitMinutes: number | null
  items: QuizItemView[]
}

/** The items in the order an attempt shows them: shuffled by the attempt's seed when the quiz shuffles. */
export function itemsAsShown(quiz: Quiz, seed: string): QuizItem[] {
  return quiz.shuffle ? seededShuffle(quiz.items, `${seed}/items`) : [...quiz.items]
}

/** The review in the order the attempt showed the items, so "question 3" means the same thing in both. */
export function reviewInShownOrder<T extends { itemId: string }>(quiz: Quiz, seed: string, rows: readonly T[]): T[] {
  const order = itemsAsShown(quiz, seed).map((item) => item.id)
  return [...rows].sort((a, b) => order.indexOf(a.itemId) - order.indexOf(b.itemId))
}

/** What the client gets when an attempt starts (or resumes): items shuffled if the quiz shuffles, each via its type. */
export function quizView(
  quiz: Quiz,
  ctx: ContentContext & { seed: string; recorded?: RecordedResponses; feedbackAsYouGo?: boolean },
): QuizView {
  const items = itemsAsShown(quiz, ctx.seed)
  return {
    id: quiz.id,
    title: quiz.title,
    timeLimitMinutes: quiz.timeLimitMinutes ?? null,
    items: items.map((item) =>
      itemView(item, {
        scenarios: ctx.scenarios,
        seed: itemSeed(ctx.seed, item.id),
        shuffle: quiz.shuffle,
        recorded: ctx.recorded?.[item.id],
        feedbackAsYouGo: ctx.feedbackAsYouGo,
      }),
    ),
  }
}

/** Every item's parsed response (authored ids), by item id; made by `parseResponses` or `extremeResponses`. */
export interface QuizResponses {
  readonly byItemId: ReadonlyMap<string, unknown>
}

export type ParseResponsesResult =
  | { ok: true; responses: QuizResponses }
  | { ok: false; errors: { itemId: string; error: string }[] }

/** Each item's response, or why what was sent for it cannot be read; `unknown` lists ids not in the quiz. */
export interface ItemResponses {
  responses: QuizResponses
  errors: { itemId: string; error: string }[]
}

/**
 * Reads answers item by item: `answers` maps item ids to what the client sent (missing = blank); items the server
 * records step by step take their response from `recorded` instead, whatever the client sent for them. An item
 * that does not parse is left out of `responses` (it counts as blank) and named in `errors`: one bad item never
 * hides the others.
 */
export function parseItemResponses(
  quiz: Quiz,
  answers: Readonly<Record<string, unknown>>,
  recorded: RecordedResponses,
  ctx: ContentContext & { seed: string },
): ItemResponses {
  const errors = Object.keys(answers)
    .filter((itemId) => !quiz.items.some((item) => item.id === itemId))
    .map((itemId) => ({ itemId, error: 'no such item in this quiz' }))
  const byItemId = new Map<string, unknown>()
  for (const item of quiz.items) {
    const type = itemTypeOf(item)
    const raw = type.responseSource === 'server' ? recorded[item.id] : answers[item.id]
    const parsed = type.parseResponse(item, raw, { scenarios: ctx.scenarios, seed: itemSeed(ctx.seed, item.id) })
    if (parsed.ok) byItemId.set(item.id, parsed.response)
    else errors.push({ itemId: item.id, error: parsed.error })
  }
  return { responses: { byItemId }, errors }
}

/** Reads a submission: every item must parse (a submission with an unreadable item is refused, item by item). */
export function parseResponses(
  quiz: Quiz,
  answers: unknown,
  recorded: RecordedResponses,
  ctx: ContentContext & { seed: string },
): ParseResponsesResult {
  if (answers !== null && answers !== undefined && (typeof answers !== 'object' || Array.isArray(answers))) {
    return { ok: false, errors: [{ itemId: '', error: 'expected an object of item id → answer' }] }
  }
  const { responses, errors } = parseItemResponses(quiz, Object.fromEntries(Object.entries(answers ?? {})), recorded, ctx)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, responses }
}

/** The items left blank in `responses` (no response, or the type's empty response), in the order shown. */
export function unansweredItems(quiz: Quiz, seed: string, responses: QuizResponses): string[] {
  return itemsAsShown(quiz, seed)
    .filter((item) => {
      const type = itemTypeOf(item)
      return !responses.byItemId.has(item.id) || JSON.stringify(responses.byItemId.get(item.id)) === JSON.stringify(type.emptyResponse(item))
    })
    .map((item) => item.id)
}

/** The responses scoring the most (`best`) or the least (`worst`), for content checks and tests. */
export function extremeResponses(quiz: Quiz, which: 'best' | 'worst', ctx: ScoringContext): QuizResponses {
  const byItemId = new Map<string, unknown>()
  for (const item of quiz.items) {
    const type = itemTypeOf(item)
    byItemId.set(item.id, which === 'best' ? type.bestResponse(item, ctx) : type.worstResponse(item, ctx))
  }
  return { byItemId }
}

export interface ScoredItem extends ItemResult {
  itemId: string
  /** The module to re-read (the review links to it); null when the item names none. */
  module: string | null
}

export interface AttemptScore {
  points: number
  maxPoints: number
  /** Percent of the maximum, to hundredths. */
  percent: number
  passed: boolean
  items: ScoredItem[]
}

function responseFor(item: QuizItem, responses: QuizResponses): unknown {
  return responses.byItemId.has(item.id) ? responses.byItemId.get(item.id) : itemTypeOf(item).emptyResponse(item)
}

/** Scores every item (an item without a response counts as blank) and the attempt, in authored item order. */
export function scoreAttempt(quiz: Quiz, responses: QuizResponses, ctx: ScoringContext): AttemptScore {
  const items = quiz.items.map((item): ScoredItem => {
    const { points, maxPoints, correct, feedback } = itemTypeOf(item).score(item, responseFor(item, responses), ctx)
    // one literal shape, not a spread: adding fields to copies of each type's result missed V8's inline caches on
    // every item (~3 % of a real quiz's submit)
    return { points, maxPoints, correct, feedback, itemId: item.id, module: item.module ?? null }
  })
  const points = Math.round(items.reduce((sum, item) => sum + item.points, 0) * 100) / 100
  const maxPoints = items.reduce((sum, item) => sum + item.maxPoints, 0)
  const percent = Math.round((points / maxPoints) * 10000) / 100
  return { points, maxPoints, percent, passed: percent >= quiz.passMark, items }
}

export interface AttemptReview extends AttemptScore {
  course: string
  reviews: { itemId: string; module: string | null; review: QuizItemReview }[]
}

/** The score plus, per item, what the clerk answered, what was right and the feedback. */
export function reviewAttempt(quiz: Quiz, responses: QuizResponses, ctx: ScoringContext): AttemptReview {
  const reviews = quiz.items.map((item) => ({
    itemId: item.id,
    module: item.module ?? null,
    review: itemReview(item, responseFor(item, responses), ctx),
  }))
  return { ...scoreAttempt(quiz, responses, ctx), course: quiz.course, reviews }
}

/**
 * What content:check reports for a parsed quiz: an item's module outside the quiz's modules, an item type's own
 * problems (an unknown scenario), an item whose best answer is not worth full points, a pass mark the best
 * answers cannot reach, and one the worst answers already reach.
 */
export function quizProblems(quiz: Quiz, ctx: ScoringContext, lang: Lang = 'zh-CN'): Problem[] {
  const problems: Problem[] = []
  const report = (path: ProblemPath, zh: string, en: string) => problems.push({ path, message: say(lang, zh, en) })
  quiz.items.forEach((item, index) => {
    if (item.module !== undefined && !quiz.modules.includes(item.module)) {
      report(
        ['items', index, 'module'],
        `题目「${item.id}」的模块「${item.module}」不在测验的 modules 中`,
        `item "${item.id}": module "${item.module}" is not among the quiz's modules`,
      )
    }
    for (const problem of itemTypeOf(item).problems(item, ctx, lang)) {
      problems.push({ path: ['items', index, ...problem.path], message: problem.message })
    }
  })
  if (problems.length > 0) return problems
  const best = scoreAttempt(quiz, extremeResponses(quiz, 'best', ctx), ctx)
  best.items.forEach((item, index) => {
    if (item.points < item.maxPoints) {
      report(
        ['items', index],
        `题目「${item.itemId}」的最佳答案只能得 ${item.points}/${item.maxPoints} 分`,
        `item "${item.itemId}": the best answer scores only ${item.points}/${item.maxPoints}`,
      )
    }
  })
  if (!best.passed) {
    report(
      ['passMark'],
      `最佳答案只能得 ${best.percent}%，达不到及格线 ${quiz.passMark}%`,
      `the best answers score ${best.percent}%, below the pass mark ${quiz.passMark}%`,
    )
  }
  const worst = scoreAttempt(quiz, extremeResponses(quiz, 'worst', ctx), ctx)
  if (worst.passed) {
    report(
      ['passMark'],
      `最差答案也能得 ${worst.percent}%，达到了及格线 ${quiz.passMark}%，没人会不及格`,
      `the worst answers score ${worst.percent}%, which already passes (${quiz.passMark}%)`,
    )
  }
  return problems
}
