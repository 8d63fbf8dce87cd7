// A trainer's mark on one item of a submitted attempt (Moodle's manual grading): kept as a step in the attempt's
// log, applied on top of the automatic review, newest per item wins. Pure: the totals are recomputed from the
// automatic review and the log, so any order of reads and writes gives the same result for the same log.
import { z } from 'zod'
import type { LoggedStep } from './attempt-steps'
import type { AttemptReview } from './quiz'

export const OverrideInputSchema = z.object({
  itemId: z.string().trim().min(1).max(100),
  points: z.coerce.number({ invalid_type_error: '请填写分数' }).finite().min(0, '分数不能为负'),
  reason: z.string().trim().min(2, '请写明改分理由').max(500, '理由不超过 500 字'),
})
export type OverrideInput = z.infer<typeof OverrideInputSchema>

/** One override as recorded in the step log. */
export interface GradeOverride {
  itemId: string
  points: number
  reason: string
  by: string // the trainer's display name
  at: string // ISO time
}

export interface ItemOverride extends GradeOverride {
  autoPoints: number // what the automatic scoring gave, kept so a later override or a regrade starts from it
}

/** The attempt's review as stored: the automatic review with the overrides applied. */
export interface GradedReview extends AttemptReview {
  overrides?: Record<string, ItemOverride>
}

/** Null when the override fits the attempt, else why not (unknown item, more than the item's maximum). */
export function overrideProblem(review: AttemptReview, input: OverrideInput): string | null {
  const item = review.items.find((candidate) => candidate.itemId === input.itemId)
  if (!item) return 'no such item in this attempt'
  if (input.points > item.maxPoints) return `at most ${item.maxPoints} points`
  return null
}

/** The automatic review underneath a stored one (overrides taken off). */
export function automaticReview(stored: GradedReview, passMark: number): AttemptReview {
  const overrides = stored.overrides ?? {}
  const items = stored.items.map((item) => (overrides[item.itemId] ? withPoints(item, overrides[item.itemId].autoPoints) : item))
  const { overrides: _dropped, ...rest } = stored
  return { ...rest, ...totals(items, passMark), items }
}

/** The automatic review with every override in `log` (oldest first) applied; the newest per item wins. */
export function applyOverrides(review: AttemptReview, log: readonly GradeOverride[], passMark: number): GradedReview {
  const latest = new Map<string, GradeOverride>()
  for (const entry of log) latest.set(entry.itemId, entry)
  const overrides: Record<string, ItemOverride> = {}
  const items = review.items.map((item) => {
    const entry = latest.get(item.itemId)
    if (!entry) return item
    overrides[item.itemId] = { ...entry, autoPoints: item.points }
    return withPoints(item, Math.min(item.maxPoints, Math.max(0, entry.points)))
  })
  const graded: GradedReview = { ...review, ...totals(items, passMark), items }
  return Object.keys(overrides).length > 0 ? { ...graded, overrides } : graded
}

/** The overrides in an attempt's step log, oldest first. */
export function overridesOfSteps(steps: readonly LoggedStep[]): GradeOverride[] {
  return steps.filter((step) => step.kind === 'override').map((step) => JSON.parse(step.payload) as GradeOverride)
}

/** A re-mark to write: the step for the attempt's log and the review it leads to. */
export interface Remark {
  step: { itemId: string; kind: 'override' | 'regrade'; payload: string }
  review: GradedReview
}

/**
 * A trainer's override on top of the stored review and the log. Null when the item's newest override already says
 * the same (mark, reason, trainer): a repeated or double-sent request is recorded once.
 */
export function planOverride(stored: GradedReview, steps: readonly LoggedStep[], entry: GradeOverride, passMark: number): Remark | null {
  const log = overridesOfSteps(steps)
  const newest = log.filter((e) => e.itemId === entry.itemId).at(-1)
  if (newest && newest.points === entry.points && newest.reason === entry.reason && newest.by === entry.by) return null
  const review = applyOverrides(automaticReview(stored, passMark), [...log, entry], passMark)
  return { step: { itemId: entry.itemId, kind: 'override', payload: JSON.stringify(entry) }, review }
}

/**
 * A regrade: the fresh automatic review with the log's overrides kept. Null when it changes nothing (same review on
 * the same version), so regrading twice logs one step.
 */
export function planRegrade(
  fresh: AttemptReview,
  stored: { result: string | null; quizVersionId: string },
  steps: readonly LoggedStep[],
  regrade: { versionId: string; passMark: number; by: string },
  /** The result the review would be stored as (compared with the stored one). */
  resultOf: (review: GradedReview) => string = (review) => JSON.stringify(review),
): Remark | null {
  const review = applyOverrides(fresh, overridesOfSteps(steps), regrade.passMark)
  if (stored.quizVersionId === regrade.versionId && stored.result === resultOf(review)) return null
  const before = stored.result ? (JSON.parse(stored.result) as AttemptReview).points : null
  const payload = JSON.stringify({ version: regrade.versionId, before, after: review.points, by: regrade.by })
  return { step: { itemId: '*', kind: 'regrade', payload }, review }
}

function withPoints<Item extends { points: number; maxPoints: number; correct: boolean | 'partial' }>(item: Item, points: number): Item {
  return { ...item, points, correct: points >= item.maxPoints ? true : points <= 0 ? false : 'partial' }
}

function totals(items: readonly { points: number; maxPoints: number }[], passMark: number) {
  const points = Math.round(items.reduce((sum, item) => sum + item.points, 0) * 100) / 100
  const maxPoints = items.reduce((sum, item) => sum + item.maxPoints, 0)
  const percent = maxPoints === 0 ? 0 : Math.round((points / maxPoints) * 10000) / 100
  return { points, maxPoints, percent, passed: percent >= passMark }
}
