// Quiz attempts: start (one open at a time, within the limits), autosave, scenario turns recorded before
// the next node is revealed, submit scored on the server exactly once, and timed attempts closed at their
// deadline. Every change is a new AttemptStep: nothing a learner did is overwritten.
import { canStartAttempt, deadlineOf } from '~/core/quiz/attempt-rules'
import { answersFromForm, type FormEntries } from '~/core/quiz/form-answers'
import { parseResponses, quizView, reviewAttempt, reviewInShownOrder, type AttemptReview, type RecordedResponses } from '~/core/quiz/quiz'
import type { GradedReview } from '~/core/quiz/manual-grading'
import { playScenarioTurn } from '~/core/quiz/scenario'
import type { ScenarioItem } from '~/core/quiz/scenario'
import { isUniqueViolation, prisma } from './db.server'
import type { SessionUser } from './people.server'
import { currentQuizVersion, quizVersionById, type LoadedQuizVersion } from './quiz-versions.server'
import { forbidden, notFound } from './responses.server'

type Attempt = NonNullable<Awaited<ReturnType<typeof prisma.attempt.findUnique>>>

export type AnswerErrors = Array<{ itemId: string; error: string }>

/** Latest saved raw answer per item, and the authored reply ids recorded per scenario item. */
async function stepsOf(attemptId: string): Promise<{ saved: Record<string, unknown>; recorded: Record<string, string[]> }> {
  const steps = await prisma.attemptStep.findMany({ where: { attemptId }, orderBy: { id: 'asc' }, select: { itemId: true, kind: true, payload: true } })
  const saved: Record<string, unknown> = {}
  const recorded: Record<string, string[]> = {}
  for (const step of steps) {
    const value = JSON.parse(step.payload) as unknown
    if (step.kind === 'answer') saved[step.itemId] = value
    else if (step.kind === 'reply') (recorded[step.itemId] ??= []).push(value as string) // not override or regrade steps
  }
  return { saved, recorded }
}

/** Scores and closes an open attempt; false when another request closed it first (nothing is written then). */
async function close(attempt: Attempt, version: LoadedQuizVersion, review: AttemptReview, by: 'clerk' | 'deadline', at: Date, newAnswers: Record<string, unknown>) {
  try {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.attempt.updateMany({
        where: { id: attempt.id, status: 'in_progress' },
        data: {
          status: 'submitted',
          openKey: null,
          submittedAt: at,
          closedBy: by,
          points: review.points,
          maxPoints: review.maxPoints,
          percent: review.percent,
          passed: review.passed,
          result: JSON.stringify(review),
        },
      })
      if (count === 0) throw new AlreadyClosed()
      const answers = Object.entries(newAnswers)
      if (answers.length) {
        await tx.attemptStep.createMany({ data: answers.map(([itemId, value]) => ({ attemptId: attempt.id, itemId, kind: 'answer', payload: JSON.stringify(value) })) })
      }
    })
    return true
  } catch (error) {
    if (error instanceof AlreadyClosed) return false
    throw error
  }
}
class AlreadyClosed extends Error {}

function changedAnswers(saved: Record<string, unknown>, sent: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(sent).filter(([itemId, value]) => JSON.stringify(saved[itemId]) !== JSON.stringify(value)))
}

/** A timed attempt past its deadline is scored on what was saved, as of the deadline. Returns the attempt as it is now. */
async function closeIfExpired(attempt: Attempt, now: Date): Promise<Attempt> {
  if (attempt.status !== 'in_progress' || !attempt.deadline || attempt.deadline > now) return attempt
  const version = await quizVersionById(attempt.quizVersionId)
  const { saved, recorded } = await stepsOf(attempt.id)
  const context = { ...version.context, seed: attempt.seed }
  // saved answers were validated when saved; should one no longer parse, the attempt is scored as left blank
  const parsed = parseResponses(version.quiz, saved, recorded, context)
  const responses = parsed.ok ? parsed : parseResponses(version.quiz, {}, recorded, context)
  if (!responses.ok) throw new Error(`attempt ${attempt.id} cannot be scored`)
  await close(attempt, version, reviewAttempt(version.quiz, responses.responses, version.context), 'deadline', attempt.deadline, {})
  return prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } })
}

/** Closes every timed attempt whose deadline passed, even if its learner never comes back. */
export async function closeExpiredAttempts(now: Date): Promise<number> {
  const expired = await prisma.attempt.findMany({ where: { status: 'in_progress', deadline: { lte: now } } })
  for (const attempt of expired) await closeIfExpired(attempt, now)
  return expired.length
}

async function attemptsOf(userId: string, quizId: string, now: Date): Promise<Attempt[]> {
  const rows = await prisma.attempt.findMany({ where: { userId, quizId }, orderBy: { startedAt: 'asc' } })
  return Promise.all(rows.map((row) => closeIfExpired(row, now)))
}

export async function quizOverview(user: SessionUser, quizId: string, now: Date) {
  const version = await currentQuizVersion(quizId)
  const attempts = await attemptsOf(user.id, quizId, now)
  const verdict = canStartAttempt(version, attempts.map((a) => ({ startedAt: a.startedAt, submittedAt: a.submittedAt })), now)
  return {
    quiz: { id: quizId, kind: version.kind, courseId: version.courseId, titleZh: version.titleZh, titleEn: version.titleEn, passMark: version.passMark, attemptsAllowed: version.attemptsAllowed, minDelayMinutes: version.minDelayMinutes, timeLimitMinutes: version.timeLimitMinutes, items: version.quiz.items.length },
    open: attempts.find((a) => a.status === 'in_progress')?.id ?? null,
    attempts: attempts.filter((a) => a.status === 'submitted').map((a) => ({ id: a.id, submittedAt: a.submittedAt, percent: a.percent, passed: a.passed, closedBy: a.closedBy })),
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
  const verdict = canStartAttempt(version, attempts.map((a) => ({ startedAt: a.startedAt, submittedAt: a.submittedAt })), now)
  if (!verdict.allowed) return { ok: false, reason: verdict.reason === 'in-progress' ? 'limit' : verdict.reason, nextAllowedAt: verdict.nextAllowedAt }
  const openKey = `${user.id}:${quizId}`
  try {
    const created = await prisma.attempt.create({
      data: {
        userId: user.id,
        quizId,
        quizVersionId: version.id,
        seed: crypto.randomUUID(),
        status: 'in_progress',
        openKey,
        startedAt: now,
        deadline: deadlineOf(now, version.timeLimitMinutes),
      },
      select: { id: true },
    })
    return { ok: true, attemptId: created.id }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const existing = await prisma.attempt.findUniqueOrThrow({ where: { openKey }, select: { id: true } })
    return { ok: true, attemptId: existing.id }
  }
}

/** The attempt, if it belongs to this user and quiz: 404 when unknown, 403 when someone else's. */
async function ownAttempt(user: SessionUser, quizId: string, attemptId: string, now: Date): Promise<Attempt> {
  const attempt = await prisma.attempt.findUnique({ where: { id: attemptId } })
  if (!attempt || attempt.quizId !== quizId) notFound('attempt')
  if (attempt.userId !== user.id) forbidden('attempt of another user')
  return closeIfExpired(attempt, now)
}

/** The titles of a course's current modules, for the review's "re-read" links. */
async function moduleTitles(courseId: string): Promise<Record<string, { zh: string; en: string }>> {
  const modules = await prisma.moduleVersion.findMany({
    where: { courses: { some: { courseVersion: { current: { id: courseId } } } } },
    select: { slug: true, titleZh: true, titleEn: true },
  })
  return Object.fromEntries(modules.map((m) => [m.slug, { zh: m.titleZh, en: m.titleEn }]))
}

export type AttemptPage =
  | { status: 'in_progress'; view: ReturnType<typeof quizView>; saved: Record<string, unknown>; deadline: Date | null; title: { zh: string; en: string } }
  | { status: 'submitted'; review: AttemptReview; closedBy: string | null; title: { zh: string; en: string }; modules: Record<string, { zh: string; en: string }> }

export async function attemptPage(user: SessionUser, quizId: string, attemptId: string, now: Date): Promise<AttemptPage> {
  const attempt = await ownAttempt(user, quizId, attemptId, now)
  const version = await quizVersionById(attempt.quizVersionId)
  const title = { zh: version.titleZh, en: version.titleEn }
  if (attempt.status === 'submitted') {
    const stored = JSON.parse(attempt.result ?? '{}') as GradedReview // with a trainer's overrides, if any
    const review = { ...stored, reviews: reviewInShownOrder(version.quiz, attempt.seed, stored.reviews) }
    return { status: 'submitted', review, closedBy: attempt.closedBy, title, modules: await moduleTitles(review.course) }
  }
  const { saved, recorded } = await stepsOf(attempt.id)
  return { status: 'in_progress', view: quizView(version.quiz, { ...version.context, seed: attempt.seed, recorded: recorded as RecordedResponses }), saved, deadline: attempt.deadline, title }
}

export type SaveResult = { ok: true; saved: number } | { ok: false; errors: AnswerErrors } | { ok: false; closed: true }

/** Appends the answers that differ from the latest saved ones. Read and write in one transaction, so two
 * overlapping saves of one attempt cannot compare against the same stale state and drop the later answer. */
async function appendChangedAnswers(attemptId: string, sent: Record<string, unknown>): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const steps = await tx.attemptStep.findMany({ where: { attemptId, kind: 'answer', itemId: { in: Object.keys(sent) } }, orderBy: { id: 'asc' }, select: { itemId: true, payload: true } })
    const latest: Record<string, unknown> = {}
    for (const step of steps) latest[step.itemId] = JSON.parse(step.payload) as unknown
    const changed = Object.entries(changedAnswers(latest, sent))
    if (changed.length) {
      await tx.attemptStep.createMany({ data: changed.map(([itemId, value]) => ({ attemptId, itemId, kind: 'answer', payload: JSON.stringify(value) })) })
    }
    return changed.length
  })
}

/** Autosave: validates what was sent (nothing stored if any answer is malformed) and logs the changed answers. */
export async function saveAnswers(user: SessionUser, quizId: string, attemptId: string, sent: Record<string, unknown>, now: Date): Promise<SaveResult> {
  const attempt = await ownAttempt(user, quizId, attemptId, now)
  if (attempt.status !== 'in_progress') return { ok: false, closed: true }
  const version = await quizVersionById(attempt.quizVersionId)
  const { saved, recorded } = await stepsOf(attempt.id)
  const parsed = parseResponses(version.quiz, { ...saved, ...sent }, recorded, { ...version.context, seed: attempt.seed })
  if (!parsed.ok) return { ok: false, errors: parsed.errors }
  return { ok: true, saved: await appendChangedAnswers(attemptId, sent) }
}

/** The answers in a submitted HTML form, read against the items of the attempt's quiz version. */
export async function answersOfForm(user: SessionUser, quizId: string, attemptId: string, entries: FormEntries, now: Date) {
  const attempt = await ownAttempt(user, quizId, attemptId, now)
  const version = await quizVersionById(attempt.quizVersionId)
  const { answers, errors } = answersFromForm(entries, version.quiz.items)
  return { answers, errors: Object.entries(errors).map(([itemId, error]) => ({ itemId, error })) }
}

export type ReplyResult = { ok: true } | { ok: false; error: string } | { ok: false; closed: true }

/** One turn of a dialogue: the reply is recorded first; the next node is only ever read back from the record. */
export async function replyInScenario(user: SessionUser, quizId: string, attemptId: string, itemId: string, replyId: string, now: Date): Promise<ReplyResult> {
  const attempt = await ownAttempt(user, quizId, attemptId, now)
  if (attempt.status !== 'in_progress') return { ok: false, closed: true }
  const version = await quizVersionById(attempt.quizVersionId)
  const item = version.quiz.items.find((i) => i.id === itemId)
  if (!item || item.type !== 'scenario') return { ok: false, error: 'no such dialogue in this quiz' }
  const { recorded } = await stepsOf(attempt.id)
  const turn = playScenarioTurn(item as ScenarioItem, attempt.seed, recorded[itemId] ?? [], replyId, version.context)
  if (!turn.ok) return { ok: false, error: turn.error }
  await prisma.attemptStep.create({ data: { attemptId, itemId, kind: 'reply', payload: JSON.stringify(turn.step.replyId) } })
  return { ok: true }
}

export type SubmitResult = { ok: true; review: AttemptReview } | { ok: false; errors: AnswerErrors }

/** Scores on the server and closes the attempt exactly once, however many times (or tabs) submit it. */
export async function submitAttempt(user: SessionUser, quizId: string, attemptId: string, sent: Record<string, unknown>, now: Date): Promise<SubmitResult> {
  const attempt = await ownAttempt(user, quizId, attemptId, now)
  if (attempt.status === 'in_progress') {
    const version = await quizVersionById(attempt.quizVersionId)
    const { saved, recorded } = await stepsOf(attempt.id)
    const parsed = parseResponses(version.quiz, { ...saved, ...sent }, recorded, { ...version.context, seed: attempt.seed })
    if (!parsed.ok) return { ok: false, errors: parsed.errors }
    await close(attempt, version, reviewAttempt(version.quiz, parsed.responses, version.context), 'clerk', now, changedAnswers(saved, sent))
  }
  const stored = await prisma.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { result: true } })
  return { ok: true, review: JSON.parse(stored.result ?? '{}') as AttemptReview }
}
