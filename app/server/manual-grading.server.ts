// Trainers review the free-text answers of a quiz, override a mark with a reason, and regrade every attempt after
// an item changed (Moodle's manual grading and regrade). Both are steps in the attempt's log, written through the
// attempt store: the stored review is recomputed from the automatic review plus the log, inside the transaction
// that appends the step.
import { answersOfSteps } from '~/core/quiz/attempt-steps'
import { automaticReview, overrideProblem, planOverride, planRegrade, type GradeOverride, type GradedReview, type OverrideInput, type Remark } from '~/core/quiz/manual-grading'
import { parseResponses, reviewAttempt, type QuizResponses } from '~/core/quiz/quiz'
import { isStoredReview, reviewOfStored, storedResponses, storedReviewOf } from '~/core/quiz/stored-review'
import type { TextReview } from '~/core/quiz/text'
import { attemptStore, type RemarkRecord } from './attempt-store.server'
import { prisma } from './db.server'
import type { SessionUser } from './people.server'
import { attemptScopeWhere } from './quiz-statistics.server'
import { currentQuizVersion, quizVersionById, type LoadedQuizVersion } from './quiz-versions.server'
import { notFound } from './responses.server'

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

export interface FreeTextAnswer {
  attemptId: string
  clerk: string
  submittedAt: Date | null
  itemId: string
  prompt: string
  text: string
  points: number
  maxPoints: number
  missing: string[] // the elements the answer did not express, in words
  override: { points: number; reason: string; by: string; autoPoints: number } | null
}

/** Every free-text answer in the submitted attempts of a quiz the trainer may see, newest first. */
export async function freeTextAnswers(user: SessionUser, quizId: string): Promise<FreeTextAnswer[]> {
  await currentQuizVersion(quizId) // 404 for an unknown quiz
  const attempts = await prisma.attempt.findMany({
    where: { quizId, status: 'submitted', ...attemptScopeWhere(user.viewer) },
    orderBy: { submittedAt: 'desc' },
    take: 200,
    select: { id: true, submittedAt: true, quizVersionId: true, result: true, user: { select: { name: true } } },
  })
  const versions = new Map<string, LoadedQuizVersion>()
  for (const id of new Set(attempts.map((attempt) => attempt.quizVersionId))) versions.set(id, await quizVersionById(id))
  return attempts.flatMap((attempt) => {
    const version = versions.get(attempt.quizVersionId)!
    const review = reviewOfStored(attempt.result, version.quiz, version.context)
    const scored = new Map((review.items ?? []).map((item) => [item.itemId, item]))
    return (review.reviews ?? []).flatMap(({ itemId, review: item }) => {
      if (item.type !== 'text') return []
      const text: TextReview = item
      const score = scored.get(itemId)
      const override = review.overrides?.[itemId]
      return [{
        attemptId: attempt.id,
        clerk: attempt.user.name,
        submittedAt: attempt.submittedAt,
        itemId,
        prompt: text.prompt,
        text: text.text,
        points: score?.points ?? 0,
        maxPoints: score?.maxPoints ?? 0,
        missing: (text.elements ?? []).filter((element) => !element.found).map((element) => element.says),
        override: override ? { points: override.points, reason: override.reason, by: override.by, autoPoints: override.autoPoints } : null,
      }]
    })
  })
}

export type OverrideResult = { ok: true; review: GradedReview } | { ok: false; error: string }

/**
 * The result a re-mark stores: of shape 2 when the responses are known (decision 0036); a result written before
 * shape 2 (whole review, no responses) stays in its shape.
 */
const resultOf = (version: LoadedQuizVersion, review: GradedReview, responses: QuizResponses | null) =>
  JSON.stringify(responses ? storedReviewOf(version.quiz, review, responses) : review)

const recordOf = (remark: Remark, version: LoadedQuizVersion, responses: QuizResponses | null): RemarkRecord => {
  const { points, maxPoints, percent, passed } = remark.review
  return { step: remark.step, quizVersionId: version.id, points, maxPoints, percent, passed, result: resultOf(version, remark.review, responses) }
}

/** The stored review of an attempt on `version` with the responses it holds (none for a result before shape 2). */
function storedOf(result: string | null, version: LoadedQuizVersion): { review: GradedReview; responses: QuizResponses | null } {
  const parsed: unknown = JSON.parse(result ?? '{}')
  return { review: reviewOfStored(result, version.quiz, version.context), responses: isStoredReview(parsed) ? storedResponses(parsed) : null }
}

/**
 * A trainer's mark on one item; refused outside the trainer's scope (404) or for a mark the item cannot have. The
 * same mark sent again (a double submit, 50 parallel requests) is recorded once.
 */
export async function overrideMark(user: SessionUser, quizId: string, attemptId: string, input: OverrideInput, now: Date): Promise<OverrideResult> {
  const attempt = await prisma.attempt.findFirst({
    where: { id: attemptId, quizId, status: 'submitted', ...attemptScopeWhere(user.viewer) },
    select: { id: true, quizVersionId: true, result: true },
  })
  if (!attempt) notFound('no such submitted attempt in your scope')
  const version = await quizVersionById(attempt.quizVersionId)
  const problem = overrideProblem(automaticReview(storedOf(attempt.result, version).review, version.passMark), input)
  if (problem) return { ok: false, error: problem }
  const latest = await currentQuizVersion(quizId)
  let held = version
  const entry: GradeOverride = { itemId: input.itemId, points: input.points, reason: input.reason, by: user.name, at: now.toISOString() }
  // the plan runs inside the store's transaction, on the attempt and log as they are then (a regrade may have run)
  const written = await attemptStore().remark(
    attemptId,
    (row, steps) => {
      // the attempt's version as it is now: a regrade meanwhile moves it to the quiz's current one
      const found = [version, latest].find((candidate) => candidate.id === row.quizVersionId)
      if (!found) throw new Error(`attempt ${attemptId} moved to an unknown version ${row.quizVersionId}`)
      held = found
      const stored = storedOf(row.result, found)
      const remark = planOverride(stored.review, steps, entry, version.passMark)
      return remark && recordOf(remark, found, stored.responses)
    },
    now,
  )
  if (written.outcome === 'not-submitted') notFound('no such submitted attempt in your scope')
  return { ok: true, review: reviewOfStored(written.result, held.quiz, held.context) }
}

export interface RegradeSummary {
  regraded: number // attempts whose points changed
  unchanged: number
  failed: number // answers that no longer fit the current items (left as they were)
}

/** Rescores every submitted attempt in scope on the quiz's current version, keeping trainers' overrides. */
export async function regradeQuiz(user: SessionUser, quizId: string, now: Date): Promise<RegradeSummary> {
  const version = await currentQuizVersion(quizId)
  const attempts = await prisma.attempt.findMany({ where: { quizId, status: 'submitted', ...attemptScopeWhere(user.viewer) }, select: { id: true, seed: true, points: true } })
  const summary: RegradeSummary = { regraded: 0, unchanged: 0, failed: 0 }
  const regrade = { versionId: version.id, passMark: version.passMark, by: user.name }
  for (const attempt of attempts) {
    let failed = false
    const written = await attemptStore().remark(
      attempt.id,
      (row, steps) => {
        const { saved, recorded } = answersOfSteps(steps)
        // answers to items since removed are dropped; an answer that no longer parses leaves the attempt as it was
        const known = Object.fromEntries(Object.entries(saved).filter(([itemId]) => version.quiz.items.some((item) => item.id === itemId)))
        const parsed = parseResponses(version.quiz, known, recorded, { ...version.context, seed: row.seed })
        if (!parsed.ok) {
          failed = true
          return null
        }
        const remark = planRegrade(reviewAttempt(version.quiz, parsed.responses, version.context), row, steps, regrade, (review) => resultOf(version, review, parsed.responses))
        return remark && recordOf(remark, version, parsed.responses)
      },
      now,
    )
    if (failed) summary.failed++
    else if (written.outcome === 'recorded' && (JSON.parse(written.result ?? '{}') as { points?: number }).points !== attempt.points) summary.regraded++
    else summary.unchanged++
  }
  return summary
}
