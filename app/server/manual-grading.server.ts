// Trainers review the free-text answers of a quiz, override a mark with a reason, and regrade every attempt after
// an item changed (Moodle's manual grading and regrade). Both are steps in the attempt's log: the stored review is
// always recomputed from the automatic review plus the log, inside the transaction that appends the step.
import { applyOverrides, automaticReview, overrideProblem, type GradeOverride, type GradedReview, type OverrideInput } from '~/core/quiz/manual-grading'
import { parseResponses, reviewAttempt } from '~/core/quiz/quiz'
import type { TextReview } from '~/core/quiz/text'
import { prisma } from './db.server'
import type { SessionUser } from './people.server'
import { attemptScopeWhere } from './quiz-statistics.server'
import { currentQuizVersion, quizVersionById } from './quiz-versions.server'
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
    select: { id: true, submittedAt: true, result: true, user: { select: { name: true } } },
  })
  return attempts.flatMap((attempt) => {
    const review = JSON.parse(attempt.result ?? '{}') as GradedReview
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

/** A trainer's mark on one item; refused outside the trainer's scope (404) or for a mark the item cannot have. */
export async function overrideMark(user: SessionUser, quizId: string, attemptId: string, input: OverrideInput, now: Date): Promise<OverrideResult> {
  const attempt = await prisma.attempt.findFirst({
    where: { id: attemptId, quizId, status: 'submitted', ...attemptScopeWhere(user.viewer) },
    select: { id: true, quizVersionId: true, result: true },
  })
  if (!attempt) notFound('no such submitted attempt in your scope')
  const version = await quizVersionById(attempt.quizVersionId)
  const problem = overrideProblem(automaticReview(JSON.parse(attempt.result ?? '{}') as GradedReview, version.passMark), input)
  if (problem) return { ok: false, error: problem }
  const entry: GradeOverride = { itemId: input.itemId, points: input.points, reason: input.reason, by: user.name, at: now.toISOString() }
  const review = await prisma.$transaction(async (tx) => {
    // append first: the write takes SQLite's lock, so the log read next includes every earlier override
    await tx.attemptStep.create({ data: { attemptId, itemId: input.itemId, kind: 'override', payload: JSON.stringify(entry), createdAt: now } })
    return regradeFromLog(tx, attemptId, version.passMark, null)
  })
  return { ok: true, review }
}

async function overridesOf(tx: Tx, attemptId: string): Promise<GradeOverride[]> {
  const steps = await tx.attemptStep.findMany({ where: { attemptId, kind: 'override' }, orderBy: { id: 'asc' }, select: { payload: true } })
  return steps.map((step) => JSON.parse(step.payload) as GradeOverride)
}

// Recomputes and stores the attempt's review: `fresh` is a new automatic review (regrade), else the stored one's.
async function regradeFromLog(tx: Tx, attemptId: string, passMark: number, fresh: { review: GradedReview; versionId: string } | null): Promise<GradedReview> {
  const current = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { result: true } })
  const base = fresh ? fresh.review : automaticReview(JSON.parse(current.result ?? '{}') as GradedReview, passMark)
  const review = applyOverrides(base, await overridesOf(tx, attemptId), passMark)
  await tx.attempt.update({
    where: { id: attemptId },
    data: { points: review.points, maxPoints: review.maxPoints, percent: review.percent, passed: review.passed, result: JSON.stringify(review), ...(fresh ? { quizVersionId: fresh.versionId } : {}) },
  })
  return review
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
  for (const attempt of attempts) {
    const steps = await prisma.attemptStep.findMany({ where: { attemptId: attempt.id, kind: { in: ['answer', 'reply'] } }, orderBy: { id: 'asc' }, select: { itemId: true, kind: true, payload: true } })
    const saved: Record<string, unknown> = {}
    const recorded: Record<string, string[]> = {}
    for (const step of steps) {
      const value = JSON.parse(step.payload) as unknown
      if (step.kind === 'answer') saved[step.itemId] = value
      else (recorded[step.itemId] ??= []).push(String(value))
    }
    const known = Object.fromEntries(Object.entries(saved).filter(([itemId]) => version.quiz.items.some((item) => item.id === itemId)))
    const parsed = parseResponses(version.quiz, known, recorded, { ...version.context, seed: attempt.seed })
    if (!parsed.ok) {
      summary.failed++
      continue
    }
    const fresh = { review: reviewAttempt(version.quiz, parsed.responses, version.context), versionId: version.id }
    const review = await prisma.$transaction(async (tx) => {
      const graded = await regradeFromLog(tx, attempt.id, version.passMark, fresh)
      await tx.attemptStep.create({ data: { attemptId: attempt.id, itemId: '*', kind: 'regrade', payload: JSON.stringify({ version: version.id, before: attempt.points, after: graded.points, by: user.name }), createdAt: now } })
      return graded
    })
    if (review.points === attempt.points) summary.unchanged++
    else summary.regraded++
  }
  return summary
}
