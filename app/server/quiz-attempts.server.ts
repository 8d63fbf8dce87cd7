// Quiz attempts: start (one open at a time, within the limits), the attempt page, and timed attempts closed at
// their deadline. Answers, dialogue turns and submission are in quiz-answers.server.ts. Every change is a new
// AttemptStep: nothing a learner did is overwritten.
import { answersOfSteps } from '~/core/quiz/attempt-steps'
import { canStartAttempt, deadlineOf } from '~/core/quiz/attempt-rules'
import { parseItemResponses, quizView, reviewInShownOrder } from '~/core/quiz/quiz'
import type { GradedReview } from '~/core/quiz/manual-grading'
import { reviewOfStored, reviewToStore, type StoredReview } from '~/core/quiz/stored-review'
import { attemptStore, type AttemptRow } from './attempt-store.server'
import { isUniqueViolation, prisma } from './db.server'
import type { SessionUser } from './people.server'
import { currentQuizVersion, quizVersionById, type LoadedQuizVersion } from './quiz-versions.server'
import { notFound } from './responses.server'

/** Closes an open attempt with its score; false when another request closed it first (nothing is written then). */
export async function closeAttempt(attempt: AttemptRow, review: StoredReview, by: 'clerk' | 'deadline', at: Date, answers: Record<string, unknown>, now: Date): Promise<boolean> {
  const record = { by, at, points: review.points, maxPoints: review.maxPoints, percent: review.percent, passed: review.passed, result: JSON.stringify(review) }
  return attemptStore().close(attempt.id, record, answers, now)
}

/** A timed attempt past its deadline is scored on what was saved, as of the deadline; an unreadable item counts as blank. */
async function closeIfExpired(attempt: AttemptRow, now: Date): Promise<AttemptRow> {
  if (attempt.status !== 'in_progress' || !attempt.deadline || attempt.deadline > now) return attempt
  const version = await quizVersionById(attempt.quizVersionId)
  const { saved, recorded } = answersOfSteps(await attemptStore().currentSteps(attempt.id))
  const { responses } = parseItemResponses(version.quiz, saved, recorded, { ...version.context, seed: attempt.seed })
  await closeAttempt(attempt, reviewToStore(version.quiz, responses, version.context), 'deadline', attempt.deadline, {}, now)
  return (await attemptStore().attempt(attempt.id)) ?? attempt
}

/** Closes every timed attempt whose deadline passed, even if its learner never comes back. */
export async function closeExpiredAttempts(now: Date): Promise<number> {
  const expired = await prisma.attempt.findMany({ where: { status: 'in_progress', deadline: { lte: now } } })
  for (const attempt of expired) await closeIfExpired(attempt, now)
  return expired.length
}

async function attemptsOf(userId: string, quizId: string, now: Date): Promise<AttemptRow[]> {
  const rows = await prisma.attempt.findMany({ where: { userId, quizId }, orderBy: { startedAt: 'asc' } })
  return Promise.all(rows.map((row) => closeIfExpired(row, now)))
}

const submittedAttempts = async (userId: string, quizId: string) =>
  prisma.attempt.findMany({ where: { userId, quizId, status: 'submitted' }, orderBy: { startedAt: 'asc' }, select: { id: true, submittedAt: true, points: true, maxPoints: true, percent: true, passed: true, closedBy: true } })

export async function quizOverview(user: SessionUser, quizId: string, now: Date) {
  const version = await currentQuizVersion(quizId)
  const attempts = await attemptsOf(user.id, quizId, now)
  const verdict = canStartAttempt(version, attempts.map((a) => ({ startedAt: a.startedAt, submittedAt: a.submittedAt })), now)
  return {
    quiz: { id: quizId, kind: version.kind, courseId: version.courseId, titleZh: version.titleZh, titleEn: version.titleEn, passMark: version.passMark, attemptsAllowed: version.attemptsAllowed, minDelayMinutes: version.minDelayMinutes, timeLimitMinutes: version.timeLimitMinutes, items: version.quiz.items.length },
    open: attempts.find((a) => a.status === 'in_progress')?.id ?? null,
    attempts: await submittedAttempts(user.id, quizId),
    verdict,
  }
}

export type StartResult = { ok: true; attemptId: string } | { ok: false; reason: 'limit' | 'delay'; nextAllowedAt: Date | null }

/** Starts an attempt, or returns the one already open (a reload, another device, a double click). */
export async function startAttempt(user: SessionUser, quizId: string, now: Date): Promise<StartResult> {
  const version = await currentQuizVersion(quizId)
  const attempts = await attemptsOf(user.id, quizId, now)
  const open = attempts.find((a) => a.status === 'in_progress')
  if (open) return { ok: true, attemptId: open.id }
  const verdict = canStartAttempt(version, attempts, now)
  if (!verdict.allowed) return { ok: false, reason: verdict.reason === 'in-progress' ? 'limit' : verdict.reason, nextAllowedAt: verdict.nextAllowedAt }
  const openKey = `${user.id}:${quizId}`
  try {
    const created = await prisma.attempt.create({
      data: { userId: user.id, quizId, quizVersionId: version.id, seed: crypto.randomUUID(), status: 'in_progress', openKey, startedAt: now, deadline: deadlineOf(now, version.timeLimitMinutes) },
      select: { id: true },
    })
    return { ok: true, attemptId: created.id }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const existing = await prisma.attempt.findUniqueOrThrow({ where: { openKey }, select: { id: true } })
    return { ok: true, attemptId: existing.id }
  }
}

/**
 * The attempt and its version, if it belongs to this user and quiz. Someone else's answers exactly as an unknown
 * id (404, same body), so attempt ids cannot be tried out (decision 0023).
 */
export async function ownAttempt(user: SessionUser, quizId: string, attemptId: string, now: Date): Promise<{ attempt: AttemptRow; version: LoadedQuizVersion }> {
  const found = await attemptStore().attempt(attemptId)
  if (!found || found.quizId !== quizId || found.userId !== user.id) notFound('attempt')
  const attempt = await closeIfExpired(found, now)
  return { attempt, version: await quizVersionById(attempt.quizVersionId) }
}

/** The titles of a course's current modules, for the review's "re-read" links. */
export async function moduleTitles(courseId: string): Promise<Record<string, { zh: string; en: string }>> {
  const modules = await prisma.moduleVersion.findMany({
    where: { courses: { some: { courseVersion: { current: { id: courseId } } } } },
    select: { slug: true, titleZh: true, titleEn: true },
  })
  return Object.fromEntries(modules.map((m) => [m.slug, { zh: m.titleZh, en: m.titleEn }]))
}

interface AttemptHeading {
  title: { zh: string; en: string }
  kind: string
  courseId: string
  passMark: number
}

export type AttemptPage =
  | (AttemptHeading & { status: 'in_progress'; view: ReturnType<typeof quizView>; saved: Record<string, unknown>; invalid: Record<string, string>; deadline: Date | null; now: Date; onePerPage: boolean })
  | (AttemptHeading & { status: 'submitted'; review: GradedReview; closedBy: string | null; modules: Record<string, { zh: string; en: string }> })

export async function attemptPage(user: SessionUser, quizId: string, attemptId: string, now: Date): Promise<AttemptPage> {
  const { attempt, version } = await ownAttempt(user, quizId, attemptId, now)
  const heading = { title: { zh: version.titleZh, en: version.titleEn }, kind: version.kind, courseId: version.courseId, passMark: version.passMark }
  if (attempt.status === 'submitted') {
    const stored = reviewOfStored(attempt.result, version.quiz, version.context) // with a trainer's overrides, if any
    const review = { ...stored, reviews: reviewInShownOrder(version.quiz, attempt.seed, stored.reviews) }
    return { ...heading, status: 'submitted', review, closedBy: attempt.closedBy, modules: await moduleTitles(review.course) }
  }
  const { saved, recorded } = answersOfSteps(await attemptStore().currentSteps(attempt.id))
  const context = { ...version.context, seed: attempt.seed }
  // an answer kept as typed that does not parse (yet) is marked on the page, item by item
  const { errors } = parseItemResponses(version.quiz, saved, recorded, context)
  const invalid = Object.fromEntries(errors.map((e) => [e.itemId, e.error]))
  const view = quizView(version.quiz, { ...context, recorded, feedbackAsYouGo: version.kind === 'practice' })
  return { ...heading, status: 'in_progress', view, saved, invalid, deadline: attempt.deadline, now, onePerPage: version.quiz.layout !== 'all-on-one-page' }
}
