// Owns an attempt's stored result (Attempt.result), written at submission and by a trainer's re-mark, and the review
// the pages show, derived from it. Decision 0036: the result keeps only what cannot be derived again from the quiz
// version — the score of every item (a trainer may have overridden it), each item's parsed response, and the
// reviews of types that read lists which change without a new version (a written answer's 服务禁语 findings). The
// rest of the review (prompts, options, the right answers, feedback: most of its size) is derived from the version
// when a page shows it, on the server like before. Results written before this shape hold the whole review and are
// read as they are: both shapes stay readable, no stored attempt is rewritten.
import type { ScoringContext } from './item-type'
import type { GradedReview, ItemOverride } from './manual-grading'
import { scoreAttempt, type AttemptReview, type Quiz, type QuizResponses } from './quiz'
import { itemReview, itemTypeOf, type QuizItem, type QuizItemReview } from './registry'

/** One item's score as stored: after a trainer's override, if any. */
export interface StoredItemScore {
  itemId: string
  points: number
  maxPoints: number
  correct: boolean | 'partial'
}

/** The stored result of shape 2. */
export interface StoredReview {
  shape: 2
  points: number
  maxPoints: number
  percent: number
  passed: boolean
  course: string
  items: StoredItemScore[]
  /** Each item's parsed response (authored ids, the text written), by item id; an item left out was left blank. */
  responses: Record<string, unknown>
  /** The reviews of items whose type keeps its review (`keepsReview`), as written then, by item id. */
  kept: Record<string, QuizItemReview>
  overrides?: Record<string, ItemOverride>
}

/** How a stored result of shape 2 starts (`shape` is its first key): a batch reader can tell the shapes apart unparsed. */
export const STORED_REVIEW_START = '{"shape":2,'

const responseOf = (def: QuizItem, responses: Readonly<Record<string, unknown>>) =>
  def.id in responses ? responses[def.id] : itemTypeOf(def).emptyResponse(def)

function stored(
  score: Omit<GradedReview, 'reviews' | 'course'>,
  course: string,
  responses: QuizResponses,
  kept: Record<string, QuizItemReview>,
): StoredReview {
  const items = score.items.map(({ itemId, points, maxPoints, correct }) => ({ itemId, points, maxPoints, correct }))
  const base = { shape: 2 as const, points: score.points, maxPoints: score.maxPoints, percent: score.percent, passed: score.passed, course, items }
  const result: StoredReview = { ...base, responses: Object.fromEntries(responses.byItemId), kept }
  return score.overrides ? { ...result, overrides: score.overrides } : result
}

/**
 * What a submission stores: the score and, for the types that keep it, the review — the other items' reviews are
 * not computed at all (the submit's CPU). Equal to `storedReviewOf` over the whole review (a table test).
 */
export function reviewToStore(quiz: Quiz, responses: QuizResponses, ctx: ScoringContext): StoredReview {
  const byId = Object.fromEntries(responses.byItemId)
  const kept = Object.fromEntries(quiz.items.filter((def) => itemTypeOf(def).keepsReview).map((def) => [def.id, itemReview(def, responseOf(def, byId), ctx)]))
  return stored(scoreAttempt(quiz, responses, ctx), quiz.course, responses, kept)
}

/** The stored form of a whole (graded) review: a re-mark's. The kept reviews are taken from `review` as they are. */
export function storedReviewOf(quiz: Quiz, review: GradedReview, responses: QuizResponses): StoredReview {
  const keeps = new Set(quiz.items.filter((def) => itemTypeOf(def).keepsReview).map((def) => def.id))
  const kept = Object.fromEntries(review.reviews.filter((entry) => keeps.has(entry.itemId)).map((entry) => [entry.itemId, entry.review]))
  return stored(review, review.course, responses, kept)
}

/** True for a result of shape 2; false for one written before it (the whole review), or none. */
export function isStoredReview(result: unknown): result is StoredReview {
  return typeof result === 'object' && result !== null && 'shape' in result && result.shape === 2
}

/** The responses a stored result of shape 2 holds, as scoring reads them. */
export function storedResponses(result: StoredReview): QuizResponses {
  return { byItemId: new Map(Object.entries(result.responses)) }
}

/**
 * The review a page shows, from a stored result (JSON) of either shape and the attempt's quiz version: the stored
 * points, verdicts and overrides; the texts, options and right answers derived from the version; the kept reviews
 * as stored. A result written before shape 2 is the whole review already.
 */
export function reviewOfStored(result: string | null, quiz: Quiz, ctx: ScoringContext): GradedReview {
  const parsed: unknown = JSON.parse(result ?? '{}')
  if (!isStoredReview(parsed)) return parsed as GradedReview // the whole review, as written before shape 2
  const defs = new Map(quiz.items.map((def) => [def.id, def]))
  const items: GradedReview['items'] = []
  const reviews: AttemptReview['reviews'] = []
  for (const score of parsed.items) {
    const def = defs.get(score.itemId)
    if (!def) continue // a result always belongs to its version's items; nothing to derive for another
    const response = responseOf(def, parsed.responses)
    const { feedback } = itemTypeOf(def).score(def, response, ctx)
    const module = def.module ?? null
    items.push({ points: score.points, maxPoints: score.maxPoints, correct: score.correct, feedback, itemId: def.id, module })
    reviews.push({ itemId: def.id, module, review: parsed.kept[def.id] ?? itemReview(def, response, ctx) })
  }
  const review: GradedReview = { points: parsed.points, maxPoints: parsed.maxPoints, percent: parsed.percent, passed: parsed.passed, items, course: parsed.course, reviews }
  return parsed.overrides ? { ...review, overrides: parsed.overrides } : review
}
