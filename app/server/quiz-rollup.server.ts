// The per learner and quiz roll-up of attempts (model QuizRollup, app/core/quiz-rollup.ts) on Prisma's client:
// the refresh every writer of attempts calls inside its own transaction, the rebuild from all attempts, and the
// drift check (stored roll-up against a rebuild) that the tests and `npm run db:rollup:rebuild -- --check` use.
// The SQLite attempt store refreshes with its own prepared statements (attempt-store-sqlite.server.ts), through
// the same pure function.
import { quizRollupOf, type QuizRollupFigures } from '~/core/quiz-rollup'
import { rollupDrift } from '~/core/rollup-drift'
import type { PrismaClient } from '~/generated/prisma/client'
import { keepLearnerProgress, keepLearnerProgressOf } from './learner-progress.server'

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
type Writer = Transaction | PrismaClient

/**
 * Recomputes one learner's roll-up of one quiz from their attempts, inside the caller's transaction. On PostgreSQL
 * it first takes the roll-up row's lock (an upsert that changes nothing), so that two transactions
 * closing attempts of the same learner and quiz refresh one after the other, the second reading the first's
 * attempt (READ COMMITTED reads afresh after the wait). On SQLite writers are serialized anyway.
 */
export async function refreshQuizRollup(tx: Writer, userId: string, quizId: string): Promise<void> {
  // Prisma runs this as one INSERT … ON CONFLICT DO UPDATE, which waits for and locks the row
  await tx.quizRollup.upsert({ where: { userId_quizId: { userId, quizId } }, create: { userId, quizId, submitted: 0, passed: false }, update: { submitted: { increment: 0 } } })
  const attempts = await tx.attempt.findMany({ where: { userId, quizId }, select: { status: true, passed: true, submittedAt: true } })
  const figures = quizRollupOf(attempts)
  if (figures) await tx.quizRollup.update({ where: { userId_quizId: { userId, quizId } }, data: figures })
  else await tx.quizRollup.delete({ where: { userId_quizId: { userId, quizId } } })
  await keepLearnerProgress(tx, userId) // the learner's row of the people export, in the same transaction
}

/**
 * Refreshes every (learner, quiz) pair among these attempts in a few statements: for writers of many attempts at once
 * (the demo seed), which run alone, so no row lock is needed. Reads those learners' attempts at those quizzes, then
 * replaces their roll-up rows.
 */
export async function refreshQuizRollupsOf(tx: Writer, attempts: ReadonlyArray<{ userId: string; quizId: string }>): Promise<void> {
  const userIds = [...new Set(attempts.map((a) => a.userId))]
  const quizIds = [...new Set(attempts.map((a) => a.quizId))]
  if (userIds.length === 0) return
  const facts = await tx.attempt.findMany({ where: { userId: { in: userIds }, quizId: { in: quizIds } }, select: { userId: true, quizId: true, status: true, passed: true, submittedAt: true } })
  await tx.quizRollup.deleteMany({ where: { userId: { in: userIds }, quizId: { in: quizIds } } })
  await tx.quizRollup.createMany({ data: rolledUp(facts) })
  await keepLearnerProgressOf(tx, userIds)
}

/** Groups attempts by learner and quiz and rolls each group up (pairs with nothing submitted give no row). */
function rolledUp(attempts: ReadonlyArray<{ userId: string; quizId: string; status: string; passed: boolean | null; submittedAt: Date | null }>): RolledUp[] {
  const byPair = new Map<string, Array<(typeof attempts)[number]>>()
  for (const a of attempts) {
    const key = `${a.userId}\u0000${a.quizId}`
    const mine = byPair.get(key)
    if (mine) mine.push(a)
    else byPair.set(key, [a])
  }
  return [...byPair.values()].flatMap((mine) => {
    const figures = quizRollupOf(mine)
    return figures ? [{ userId: mine[0].userId, quizId: mine[0].quizId, ...figures }] : []
  })
}

export interface RolledUp extends QuizRollupFigures {
  userId: string
  quizId: string
}

const BATCH = 500

/** The roll-up as it follows from the attempts now, learner by learner (a batch of learners at a time). */
export async function rollupFromAttempts(db: PrismaClient): Promise<RolledUp[]> {
  const out: RolledUp[] = []
  for (let cursor: string | undefined; ; ) {
    const users = await db.user.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) })
    if (users.length === 0) return out
    cursor = users.at(-1)!.id
    const attempts = await db.attempt.findMany({
      where: { userId: { in: users.map((u) => u.id) }, status: 'submitted' },
      select: { userId: true, quizId: true, status: true, passed: true, submittedAt: true },
    })
    out.push(...rolledUp(attempts))
  }
}

/** Replaces the whole roll-up with one computed from the attempts, in one transaction; how many rows it holds. */
export async function rebuildQuizRollups(db: PrismaClient): Promise<number> {
  const rows = await rollupFromAttempts(db)
  await db.$transaction(
    async (tx) => {
      await tx.quizRollup.deleteMany({})
      for (let i = 0; i < rows.length; i += BATCH) await tx.quizRollup.createMany({ data: rows.slice(i, i + BATCH) })
    },
    { timeout: 600_000, maxWait: 60_000 },
  )
  return rows.length
}

const keyOf = (r: { userId: string; quizId: string }) => `${r.userId} ${r.quizId}`
const sameFigures = (a: QuizRollupFigures, b: QuizRollupFigures) =>
  a.submitted === b.submitted && a.passed === b.passed && a.firstPassedAt?.getTime() === b.firstPassedAt?.getTime() && a.lastSubmittedAt?.getTime() === b.lastSubmittedAt?.getTime()

/** Where the stored roll-up differs from a rebuild: the pairs missing, extra or with other figures (empty: none). */
export async function quizRollupDrift(db: PrismaClient): Promise<string[]> {
  const [expected, stored] = await Promise.all([rollupFromAttempts(db), db.quizRollup.findMany()])
  return rollupDrift(expected, stored, keyOf, sameFigures, 'attempts')
}
