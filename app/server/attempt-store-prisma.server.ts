// The attempt store on Prisma's typed client: the path for PostgreSQL (and a reference the SQLite path is tested
// against). Each write is one interactive transaction that checks the attempt is open before writing.
import type { PrismaClient } from '~/generated/prisma/client'
import { changedAnswers, currentOfSteps, SUBMITTED_ANSWERS, submittedAnswersStep } from '~/core/quiz/attempt-steps'
import type { AttemptStore } from './attempt-store.server'
import { checkThenWrite, databaseEngine } from './db.server'
import { preparedReadFor } from './kysely.server'
import { hallDay } from '~/core/dates'
import { forgetQualityDay } from './quality-rollup.server'
import { refreshQuizRollup } from './quiz-rollup.server'

class Closed extends Error {}

/**
 * PostgreSQL's read of `currentSteps`: each item's latest answer (DISTINCT ON through the AttemptStep(attemptId, kind,
 * itemId, id) index) and every reply, oldest first, instead of the whole log folded in JS (decision 0046). The
 * DISTINCT ON arm is a subquery of its own: its ORDER BY picks the latest, the outer one orders the union. Run on the
 * client the store was built with (a test's or the app's).
 */
const postgresCurrentSteps = preparedReadFor((q, attemptId: string) => {
  const columns = ['id', 'itemId', 'kind', 'payload'] as const
  return q
    .selectFrom((eb) =>
      eb
        .selectFrom(
          eb
            .selectFrom('AttemptStep')
            .select(columns)
            .distinctOn('itemId')
            .where('attemptId', '=', attemptId)
            .where('kind', '=', 'answer')
            .orderBy('itemId')
            .orderBy('id', 'desc')
            .as('latest'),
        )
        .selectAll()
        .unionAll(eb.selectFrom('AttemptStep').select(columns).where('attemptId', '=', attemptId).where('kind', 'in', ['reply', SUBMITTED_ANSWERS]))
        .as('current'),
    )
    .select(['itemId', 'kind', 'payload'])
    .orderBy('id')
})

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/**
 * Whether the attempt is open, taking its row lock: a write that changes nothing still locks the row on PostgreSQL,
 * so parallel writes to one attempt run one after another (under READ COMMITTED a plain read would not; SQLite
 * serializes writers anyway).
 */
const lockOpenAttempt = async (tx: Transaction, attemptId: string) =>
  (await tx.attempt.updateMany({ where: { id: attemptId, status: 'in_progress' }, data: { status: 'in_progress' } })).count

export function prismaAttemptStore(db: PrismaClient): AttemptStore {
  const attemptSelect = { id: true, userId: true, quizId: true, quizVersionId: true, seed: true, status: true, startedAt: true, deadline: true, submittedAt: true, closedBy: true, result: true } as const
  const steps = (attemptId: string) => db.attemptStep.findMany({ where: { attemptId }, orderBy: { id: 'asc' }, select: { itemId: true, kind: true, payload: true } })
  return {
    attempt: (id) => db.attempt.findUnique({ where: { id }, select: attemptSelect }),
    steps,
    // on PostgreSQL one read of the current steps; on Prisma's SQLite (the contract test's reference) the log folded
    currentSteps: async (attemptId) => (databaseEngine() === 'postgres' ? postgresCurrentSteps(db, attemptId) : currentOfSteps(await steps(attemptId))),
    appendAnswers: (attemptId, answers, now) =>
      db.$transaction(async (tx) => {
        if ((await lockOpenAttempt(tx, attemptId)) === 0) return 'closed' as const
        const itemIds = Object.keys(answers)
        const steps = await tx.attemptStep.findMany({ where: { attemptId, kind: 'answer', itemId: { in: itemIds } }, orderBy: { id: 'asc' }, select: { itemId: true, payload: true } })
        const changed = changedAnswers(new Map(steps.map((step) => [step.itemId, step.payload])), answers)
        if (changed.length) await tx.attemptStep.createMany({ data: changed.map(([itemId, payload]) => ({ attemptId, itemId, kind: 'answer', payload, createdAt: now })) })
        return changed.length
      }),
    appendReply: (attemptId, itemId, replyId, recordedBefore, now) =>
      db.$transaction(async (tx) => {
        if ((await lockOpenAttempt(tx, attemptId)) === 0) return 'closed' as const
        const recorded = await tx.attemptStep.count({ where: { attemptId, itemId, kind: 'reply' } })
        if (recorded !== recordedBefore) return 'stale' as const
        await tx.attemptStep.create({ data: { attemptId, itemId, kind: 'reply', payload: JSON.stringify(replyId), createdAt: now } })
        return 'recorded' as const
      }),
    async close(attemptId, record, answers, now) {
      try {
        await db.$transaction(async (tx) => {
          const { count } = await tx.attempt.updateMany({
            where: { id: attemptId, status: 'in_progress' },
            data: { status: 'submitted', openKey: null, submittedAt: record.at, closedBy: record.by, points: record.points, maxPoints: record.maxPoints, percent: record.percent, passed: record.passed, result: record.result },
          })
          if (count === 0) throw new Closed()
          const closed = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { userId: true, quizId: true } })
          await refreshQuizRollup(tx, closed.userId, closed.quizId) // the managers' figures, in the same transaction
          if (hallDay(record.at) < hallDay(now)) await forgetQualityDay(tx, closed.userId, record.at) // a late deadline close: that closed day folds again
          const steps = await tx.attemptStep.findMany({ where: { attemptId, kind: 'answer' }, orderBy: { id: 'asc' }, select: { itemId: true, payload: true } })
          // the sent answers that changed, as one step (decision 0050)
          const step = submittedAnswersStep(changedAnswers(new Map(steps.map((logged) => [logged.itemId, logged.payload])), answers))
          if (step) await tx.attemptStep.create({ data: { attemptId, ...step, createdAt: now } })
        })
        return true
      } catch (error) {
        if (error instanceof Closed) return false
        throw error
      }
    },
    // a re-mark reads the log and the result, plans, then writes both: parallel re-marks must see each other
    remark: (attemptId, plan, now) =>
      checkThenWrite(async (tx) => {
        const attempt = await tx.attempt.findUnique({ where: { id: attemptId }, select: attemptSelect })
        if (attempt?.status !== 'submitted') return { outcome: 'not-submitted' as const }
        const steps = await tx.attemptStep.findMany({ where: { attemptId }, orderBy: { id: 'asc' }, select: { itemId: true, kind: true, payload: true } })
        const record = plan(attempt, steps)
        if (!record) return { outcome: 'unchanged' as const, result: attempt.result }
        const { step, ...score } = record
        await tx.attemptStep.create({ data: { attemptId, itemId: step.itemId, kind: step.kind, payload: step.payload, createdAt: now } })
        await tx.attempt.update({ where: { id: attemptId }, data: score })
        await refreshQuizRollup(tx, attempt.userId, attempt.quizId) // a re-mark can turn a pass into a fail
        if (attempt.submittedAt) await forgetQualityDay(tx, attempt.userId, attempt.submittedAt) // its day's item figures fold again
        return { outcome: 'recorded' as const, result: record.result }
      }, { db }),
  }
}
