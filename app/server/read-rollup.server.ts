// The per learner and course roll-up of module reads (model CourseReadRollup, app/core/read-rollup.ts) on Prisma's
// client: the refresh mark-read runs inside its own transaction, the per-course recomputation a publish runs inside
// the import's, the refresh of many pairs the seeds run, the rebuild from all reads, and the drift check that the
// tests and `npm run db:rollup:rebuild -- --check` use. The modules counted are always read inside the caller's
// transaction (never from the course cache), so that a read and a publish racing each other cannot leave a row
// counted against the other's modules.
import { readRollupOf, sameReadFigures, type DatedRead, type ReadRollupFigures } from '~/core/read-rollup'
import { rollupDrift } from '~/core/rollup-drift'
import type { PrismaClient } from '~/generated/prisma/client'
import { keepLearnerProgress, keepLearnerProgressOf } from './learner-progress.server'

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
type Writer = Transaction | PrismaClient
type Modules = ReadonlyArray<{ slug: string; versionId: string }>

export interface ReadRollupRow extends ReadRollupFigures {
  userId: string
  courseId: string
}

/** The current modules of these courses (all courses when none are named); a course without a version has none. */
export async function currentModulesOf(db: Writer, courseIds?: readonly string[]): Promise<Map<string, Modules>> {
  const courses = await db.course.findMany({
    where: courseIds ? { id: { in: [...courseIds] } } : {},
    select: { id: true, currentVersion: { select: { modules: { select: { moduleVersion: { select: { id: true, slug: true } } } } } } },
  })
  return new Map(courses.map((c) => [c.id, (c.currentVersion?.modules ?? []).map((m) => ({ slug: m.moduleVersion.slug, versionId: m.moduleVersion.id }))]))
}

type StoredRead = { userId: string; courseId: string; slug: string; moduleVersionId: string; readAt: Date }

/** Groups reads by learner and course and rolls each group up against its course's current modules. */
function rolledUp(reads: readonly StoredRead[], modulesOf: ReadonlyMap<string, Modules>): ReadRollupRow[] {
  const byPair = new Map<string, { userId: string; courseId: string; reads: DatedRead[] }>()
  for (const r of reads) {
    const key = `${r.userId}\u0000${r.courseId}`
    const pair = byPair.get(key) ?? { userId: r.userId, courseId: r.courseId, reads: [] }
    pair.reads.push({ slug: r.slug, versionId: r.moduleVersionId, at: r.readAt })
    byPair.set(key, pair)
  }
  return [...byPair.values()].flatMap((pair) => {
    const figures = readRollupOf(modulesOf.get(pair.courseId) ?? [], pair.reads)
    return figures ? [{ userId: pair.userId, courseId: pair.courseId, ...figures }] : []
  })
}

const readSelect = { userId: true, courseId: true, slug: true, moduleVersionId: true, readAt: true } as const
const BATCH = 500

async function replaceRows(tx: Writer, rows: readonly ReadRollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.courseReadRollup.createMany({ data: rows.slice(i, i + BATCH) })
}

/** Recomputes one learner's roll-up of one course from their reads, inside the caller's transaction (mark-read). */
export async function refreshReadRollup(tx: Writer, userId: string, courseId: string): Promise<void> {
  const [modulesOf, reads] = await Promise.all([currentModulesOf(tx, [courseId]), tx.moduleRead.findMany({ where: { userId, courseId }, select: readSelect })])
  const [row] = rolledUp(reads, modulesOf)
  const where = { userId_courseId: { userId, courseId } }
  if (!row) await tx.courseReadRollup.deleteMany({ where: { userId, courseId } })
  else await tx.courseReadRollup.upsert({ where, create: row, update: row })
  await keepLearnerProgress(tx, userId) // the learner's row of the people export, in the same transaction
}

/**
 * Recomputes every learner's roll-up of these courses, inside the caller's transaction: a published version may add
 * or remove modules (the total) and replaces module versions (what counts as read). One read of the courses' reads,
 * then the rows replaced.
 */
export async function refreshCourseReadRollups(tx: Writer, courseIds: readonly string[]): Promise<void> {
  if (courseIds.length === 0) return
  const [modulesOf, reads] = await Promise.all([currentModulesOf(tx, courseIds), tx.moduleRead.findMany({ where: { courseId: { in: [...courseIds] } }, select: readSelect })])
  await tx.courseReadRollup.deleteMany({ where: { courseId: { in: [...courseIds] } } })
  await replaceRows(tx, rolledUp(reads, modulesOf))
  await keepLearnerProgressOf(tx, reads.map((r) => r.userId)) // everyone whose counts the version changed
}

/** Refreshes the roll-up of these learners (every course they read): for writers of many reads at once (the seeds). */
export async function refreshReadRollupsOf(tx: Writer, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return
  const modulesOf = await currentModulesOf(tx)
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH)
    const reads = await tx.moduleRead.findMany({ where: { userId: { in: batch } }, select: readSelect })
    await tx.courseReadRollup.deleteMany({ where: { userId: { in: batch } } })
    await replaceRows(tx, rolledUp(reads, modulesOf))
  }
  await keepLearnerProgressOf(tx, ids)
}

/** The roll-up as it follows from the reads now, a batch of learners at a time. */
export async function readRollupFromReads(db: PrismaClient): Promise<ReadRollupRow[]> {
  const modulesOf = await currentModulesOf(db)
  const out: ReadRollupRow[] = []
  for (let cursor: string | undefined; ; ) {
    const users = await db.user.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: BATCH, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) })
    if (users.length === 0) return out
    cursor = users.at(-1)!.id
    out.push(...rolledUp(await db.moduleRead.findMany({ where: { userId: { in: users.map((u) => u.id) } }, select: readSelect }), modulesOf))
  }
}

/** Replaces the whole roll-up with one computed from the reads, in one transaction; how many rows it holds. */
export async function rebuildReadRollups(db: PrismaClient): Promise<number> {
  const rows = await readRollupFromReads(db)
  await db.$transaction(
    async (tx) => {
      await tx.courseReadRollup.deleteMany({})
      await replaceRows(tx, rows)
    },
    { timeout: 600_000, maxWait: 60_000 },
  )
  return rows.length
}

const keyOf = (r: { userId: string; courseId: string }) => `${r.userId} ${r.courseId}`

/** Where the stored roll-up differs from a rebuild: the pairs missing, extra or with other figures (empty: none). */
export async function readRollupDrift(db: PrismaClient): Promise<string[]> {
  const [expected, stored] = await Promise.all([readRollupFromReads(db), db.courseReadRollup.findMany()])
  return rollupDrift(expected, stored, keyOf, sameReadFigures, 'reads')
}
