// The per learner row of the people export (model LearnerProgress, app/core/learner-progress.ts), kept in the same
// transaction as every write of the roll-ups it folds: the roll-ups' own refresh functions call keepLearnerProgress
// (one learner) or keepLearnerProgressOf (many: a publish, the seeds) after writing, so every writer of attempts or
// module reads keeps it without a line of its own; the SQLite attempt store, which writes QuizRollup with its own
// statements, uses sqliteLearnerProgress (a close adds its attempt in ONE upsert). Also the rebuild and the drift
// check of `npm run db:rollup:rebuild` and the tests.
import type Database from 'better-sqlite3'
import type { CompiledQuery } from 'kysely'
import { closeAddition, learnerProgressOf, sameLearnerProgress, type LearnerProgressFigures } from '~/core/learner-progress'
import { rollupDrift } from '~/core/rollup-drift'
import type { PrismaClient } from '~/generated/prisma/client'
import { compileWithArguments, sqliteStatements } from './kysely.server'
import { flag, instant, instantOrNull, storedInstant } from './stored.server'

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
type Writer = Transaction | PrismaClient

const quizSelect = { userId: true, quizId: true, passed: true, lastSubmittedAt: true } as const
const readSelect = { userId: true, courseId: true, read: true, lastReadAt: true } as const

/**
 * Recounts one learner's row from their roll-ups, inside the caller's transaction, after the caller wrote them. On
 * PostgreSQL it first takes the row's lock (an upsert that changes nothing), so that two transactions writing roll-ups
 * of the same learner (two quizzes, a read and a quiz) recount one after the other, the second reading the first's
 * rows (READ COMMITTED reads afresh after the wait). On SQLite writers are serialized anyway.
 */
export async function keepLearnerProgress(tx: Writer, userId: string): Promise<void> {
  await tx.learnerProgress.upsert({ where: { userId }, create: { userId }, update: { quizzesPassed: { increment: 0 } } })
  const quizzes = await tx.quizRollup.findMany({ where: { userId }, select: quizSelect })
  const reads = await tx.courseReadRollup.findMany({ where: { userId }, select: readSelect })
  const figures = learnerProgressOf(quizzes, reads)
  if (figures) await tx.learnerProgress.update({ where: { userId }, data: figures })
  else await tx.learnerProgress.delete({ where: { userId } })
}

const BATCH = 500

export interface LearnerProgressRow extends LearnerProgressFigures {
  userId: string
}

/** The rows of these learners as their roll-ups give them now (learners with no roll-up row have none). */
async function recounted(db: Writer, userIds: readonly string[]): Promise<LearnerProgressRow[]> {
  const [quizzes, reads] = [await db.quizRollup.findMany({ where: { userId: { in: [...userIds] } }, select: quizSelect }), await db.courseReadRollup.findMany({ where: { userId: { in: [...userIds] } }, select: readSelect })]
  const byUser = new Map<string, { quizzes: typeof quizzes; reads: typeof reads }>()
  const of = (userId: string) => {
    let mine = byUser.get(userId)
    if (!mine) byUser.set(userId, (mine = { quizzes: [], reads: [] }))
    return mine
  }
  for (const q of quizzes) of(q.userId).quizzes.push(q)
  for (const r of reads) of(r.userId).reads.push(r)
  return [...byUser].flatMap(([userId, mine]) => {
    const figures = learnerProgressOf(mine.quizzes, mine.reads)
    return figures ? [{ userId, ...figures }] : []
  })
}

/** Recounts the rows of many learners (a publish: everyone who read its courses; the seeds), a batch at a time. */
export async function keepLearnerProgressOf(tx: Writer, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)]
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH)
    const rows = await recounted(tx, batch)
    await tx.learnerProgress.deleteMany({ where: { userId: { in: batch } } })
    await tx.learnerProgress.createMany({ data: rows })
  }
}

/** Every learner's row as the roll-ups give them now, a batch of learners at a time. */
export async function learnerProgressFromRollups(db: PrismaClient): Promise<LearnerProgressRow[]> {
  const out: LearnerProgressRow[] = []
  for (let cursor: string | undefined; ; ) {
    const users = await db.user.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) })
    if (users.length === 0) return out
    cursor = users.at(-1)!.id
    out.push(...(await recounted(db, users.map((u) => u.id))))
  }
}

/** Replaces every row with the recount, in one transaction; how many rows it holds. Run after the roll-ups' rebuilds. */
export async function rebuildLearnerProgress(db: PrismaClient): Promise<number> {
  const rows = await learnerProgressFromRollups(db)
  await db.$transaction(
    async (tx) => {
      await tx.learnerProgress.deleteMany({})
      for (let i = 0; i < rows.length; i += BATCH) await tx.learnerProgress.createMany({ data: rows.slice(i, i + BATCH) })
    },
    { timeout: 600_000, maxWait: 60_000 },
  )
  return rows.length
}

/** Where the stored rows differ from a recount from the roll-ups (empty: none). */
export async function learnerProgressDrift(db: PrismaClient): Promise<string[]> {
  const [expected, stored] = await Promise.all([learnerProgressFromRollups(db), db.learnerProgress.findMany()])
  return rollupDrift(expected, stored, (r) => r.userId, sameLearnerProgress, 'roll-ups')
}

type RowOf<Query> = Query extends CompiledQuery<infer Row> ? Row : never

/** The keeping for the SQLite attempt store, on its own connection (inside its own transactions). */
export function sqliteLearnerProgress(db: Database.Database) {
  const compiled = <Q extends CompiledQuery>(query: Q) => ({ query, prepared: db.prepare(query.sql) })
  // a close: the later activity, the count and ids plus this quiz on its first pass; a row inserted if none yet
  const add = compiled(
    compileWithArguments(
      sqliteStatements,
      (q, userId: string, at: string, passedAdded: number, idAdded: string) =>
        q
          .insertInto('LearnerProgress')
          .values({ userId, lastActivityAt: at, quizzesPassed: passedAdded, passedQuizIds: idAdded })
          .onConflict((oc) =>
            oc.column('userId').doUpdateSet((eb) => ({
              lastActivityAt: eb.fn.coalesce(eb.fn<string>('max', [eb.ref('LearnerProgress.lastActivityAt'), eb.ref('excluded.lastActivityAt')]), eb.ref('excluded.lastActivityAt')),
              quizzesPassed: eb(eb.ref('LearnerProgress.quizzesPassed'), '+', eb.ref('excluded.quizzesPassed')),
              passedQuizIds: eb(eb.ref('LearnerProgress.passedQuizIds'), '||', eb.ref('excluded.passedQuizIds')),
            })),
          ),
      ['', '', 0, ''],
    ).query,
  )
  const quizzes = compiled(compileWithArguments(sqliteStatements, (q, userId: string) => q.selectFrom('QuizRollup').select(['quizId', 'passed', 'lastSubmittedAt']).where('userId', '=', userId), ['']).query)
  const reads = compiled(compileWithArguments(sqliteStatements, (q, userId: string) => q.selectFrom('CourseReadRollup').select(['courseId', 'read', 'lastReadAt']).where('userId', '=', userId), ['']).query)
  const put = compiled(
    compileWithArguments(
      sqliteStatements,
      (q, userId: string, at: string | null, passed: number, ids: string, counts: string) =>
        q
          .insertInto('LearnerProgress')
          .values({ userId, lastActivityAt: at, quizzesPassed: passed, passedQuizIds: ids, readCounts: counts })
          .onConflict((oc) => oc.column('userId').doUpdateSet((eb) => ({ lastActivityAt: eb.ref('excluded.lastActivityAt'), quizzesPassed: eb.ref('excluded.quizzesPassed'), passedQuizIds: eb.ref('excluded.passedQuizIds'), readCounts: eb.ref('excluded.readCounts') }))),
      ['', '', 0, '', ''],
    ).query,
  )
  const drop = compiled(compileWithArguments(sqliteStatements, (q, userId: string) => q.deleteFrom('LearnerProgress').where('userId', '=', userId), ['']).query)
  return {
    /** A close of `quizId` whose roll-up counted a pass before (or not) and after: one statement. */
    afterClose(userId: string, quizId: string, passedBefore: boolean, passedAfter: boolean, at: Date): void {
      const addition = closeAddition(quizId, passedBefore, passedAfter, at)
      add.prepared.run(userId, storedInstant(addition.lastActivityAt), addition.passedAdded, addition.passedIdAdded)
    },
    /** The recount (a re-mark can turn a pass into a fail). */
    recount(userId: string): void {
      const quizRows = quizzes.prepared.all(userId) as Array<RowOf<typeof quizzes.query>>
      const readRows = reads.prepared.all(userId) as Array<RowOf<typeof reads.query>>
      const figures = learnerProgressOf(
        quizRows.map((r) => ({ quizId: r.quizId, passed: flag(r.passed), lastSubmittedAt: instantOrNull(r.lastSubmittedAt) })),
        readRows.map((r) => ({ courseId: r.courseId, read: Number(r.read), lastReadAt: instant(r.lastReadAt) })),
      )
      if (!figures) return void drop.prepared.run(userId)
      put.prepared.run(userId, figures.lastActivityAt ? storedInstant(figures.lastActivityAt) : null, figures.quizzesPassed, figures.passedQuizIds, figures.readCounts)
    },
  }
}
