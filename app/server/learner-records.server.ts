// What learners have done that counts towards a course: the module versions they read and the quizzes they
// passed. The clerk's own pages (one learner) and the manager's hall view (a whole hall) both read them here,
// so the two can never disagree about what "read" or "passed" means.
import { courseCompletion, type Completion } from '~/core/completion'
import type { CourseRow } from './course-cache.server'
import { prisma } from './db.server'
import { preparedColumnsRead, preparedRead, preparedReadFor, type Queries, type TransactionReader } from './kysely.server'
import { hallsUnder, type HallRange } from './people.server'
import { instant, TRUE } from './stored.server'

const moduleReadRows = preparedReadFor((q, userIds: readonly string[]) =>
  q.selectFrom('ModuleRead').select(['userId', 'courseId', 'slug', 'moduleVersionId', 'readAt']).where('userId', 'in', userIds),
)

// from the per learner and quiz roll-up (QuizRollup, kept in the transaction of every attempt close and re-mark):
// the same fact the managers' pages count, so that a clerk and their manager never disagree about a pass
const passedQuizRows = preparedRead((q, userIds: readonly string[]) =>
  q.selectFrom('QuizRollup').select(['userId', 'quizId']).where('userId', 'in', userIds).where('passed', '=', TRUE),
  { bulk: true },
)

export interface ModuleReadRow {
  userId: string
  courseId: string
  slug: string
  moduleVersionId: string
  readAt: Date
}

/** Every module version these learners have read (one row per learner and version); given a transaction's
 * client, read inside it (star approval checks the evidence there). */
export async function moduleReadsOf(userIds: readonly string[], db: TransactionReader = prisma): Promise<ModuleReadRow[]> {
  if (userIds.length === 0) return []
  const rows = await moduleReadRows(db, userIds)
  return rows.map((row) => ({ ...row, readAt: instant(row.readAt) }))
}

export interface PassedQuizRow {
  userId: string
  quizId: string
}

/** The quizzes these learners have passed at least once, at any version: course completion counts them. */
export async function passedQuizzesOf(userIds: readonly string[]): Promise<PassedQuizRow[]> {
  if (userIds.length === 0) return []
  return passedQuizRows(userIds)
}

/** One learner's passed quizzes, by id. */
export async function passedQuizIds(userId: string): Promise<string[]> {
  return (await passedQuizzesOf([userId])).map((row) => row.quizId)
}

/** How far one learner is through one course, from their reads and passes (any course's rows may be passed in). */
export function completionOf(
  course: CourseRow,
  reads: ReadonlyArray<{ slug: string; moduleVersionId: string; courseId: string }>,
  passed: readonly string[],
): Completion {
  return courseCompletion({
    modules: course.modules.map((m) => ({ slug: m.slug, versionId: m.id })),
    reads: reads.filter((r) => r.courseId === course.id).map((r) => ({ slug: r.slug, versionId: r.moduleVersionId })),
    requiredQuizIds: course.quizIds,
    passedQuizIds: passed,
  })
}

const readRecordRows = preparedRead((q, userId: string) =>
  q
    .selectFrom('ModuleRead as r')
    .innerJoin('ModuleVersion as v', 'v.id', 'r.moduleVersionId')
    .select(['r.slug', 'r.moduleVersionId', 'r.courseId', 'r.readAt', 'v.number'])
    .where('r.userId', '=', userId)
    .orderBy('r.readAt'),
)

/** A learner's reads with the version number read and when, oldest first: the record page shows which version each read was. */
export async function readRecordOf(userId: string): Promise<Array<{ slug: string; moduleVersionId: string; courseId: string; readAt: Date; number: number }>> {
  return (await readRecordRows(userId)).map((row) => ({ ...row, readAt: instant(row.readAt) }))
}

// The same facts for every learner whose hall lies in a range of hall paths — a unit (its path and everything under
// it) or a page of consecutive halls of one (the whole export reads page by page): one statement each, whatever the
// number of learners; the range on the materialized path is the indexed form of "starts with" (the test cluster
// sorts text by code point, as SQLite does).
const peopleInHallsUnder = (q: Queries, from: string, to: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('User as u', 'u.hallId', 'h.id')
    .where('h.path', '>=', from)
    .where('h.path', '<', to)

const readsUnderRows = preparedRead((q, from: string, to: string) =>
  peopleInHallsUnder(q, from, to).innerJoin('ModuleRead as r', 'r.userId', 'u.id').select(['r.userId', 'r.slug', 'r.moduleVersionId', 'r.courseId', 'r.readAt']),
  { bulk: true },
)

/** What every learner under a unit has read (any version), with when. */
export async function readsOfLearnersUnder(unitPath: string): Promise<ModuleReadRow[]> {
  const { from, to } = hallsUnder(unitPath)
  return (await readsUnderRows(from, to)).map((row) => ({ ...row, readAt: instant(row.readAt) }))
}

// the per learner and quiz roll-up (QuizRollup, kept by every writer of attempts in its transaction): one row per
// learner and quiz tried, instead of a group over all their attempts (100 per clerk in the scale bench)
// per learner in the range, from the two roll-ups' covering indexes: one row each, no group-by sort over the
// roll-up rows (the learners come in hall order, the roll-ups in learner order)
const activityUnderRows = preparedRead((q, from: string, to: string) =>
  peopleInHallsUnder(q, from, to).select((eb) => [
    'u.id as userId',
    eb.selectFrom('CourseReadRollup as r').select((s) => s.fn.max('r.lastReadAt').as('at')).whereRef('r.userId', '=', 'u.id').as('lastReadAt'),
    eb.selectFrom('QuizRollup as r').select((s) => s.fn.max('r.lastSubmittedAt').as('at')).whereRef('r.userId', '=', 'u.id').as('lastSubmittedAt'),
    eb.selectFrom('QuizRollup as r').select((s) => s.fn.countAll<number | string>().as('n')).whereRef('r.userId', '=', 'u.id').where('r.passed', '=', TRUE).as('passed'),
  ]),
  { bulk: true },
)

// each row an array (no object a row: a region's overview reads thousands; decision 0047)
const passesUnderRows = preparedColumnsRead((q, from: string, to: string, quizIds: readonly string[]) =>
  peopleInHallsUnder(q, from, to)
    .innerJoin('QuizRollup as r', 'r.userId', 'u.id')
    .select(['r.userId', 'r.quizId', 'r.firstPassedAt'])
    .where('r.passed', '=', TRUE)
    .where('r.quizId', 'in', quizIds),
)(['userId', 'quizId', 'firstPassedAt'])

/** learner → the quizzes among those asked about that they passed, with the first pass. */
export type PassesIn = Map<string, Array<{ quizId: string; at: Date }>>

/** The quizzes each learner in the halls has passed among `quizIds` (the quizzes the assigned courses require),
 * with the first pass: a row per learner and required pass. */
export async function passesOfLearnersIn(halls: HallRange, quizIds: readonly string[]): Promise<PassesIn> {
  const passed: PassesIn = new Map()
  if (quizIds.length === 0) return passed
  for (const [userId, quizId, firstPassedAt] of await passesUnderRows(halls.from, halls.to, quizIds)) {
    if (firstPassedAt === null) continue
    const pass = { quizId, at: instant(firstPassedAt) }
    const mine = passed.get(userId)
    if (mine) mine.push(pass)
    else passed.set(userId, [pass])
  }
  return passed
}

export interface ActivityIn {
  /** learner → how many quizzes they passed in all. */
  passedCount: Map<string, number>
  lastSubmitted: Map<string, Date>
  /** learner → their latest module read (from the read roll-up). */
  lastRead: Map<string, Date>
}

/** When each learner in the halls last submitted an attempt and last read a module, and how many quizzes they passed
 * in all: a row per learner, whatever the number of attempts and reads. Only the people tables show it. */
export async function activityOfLearnersIn(halls: HallRange): Promise<ActivityIn> {
  const lastSubmitted = new Map<string, Date>()
  const passedCount = new Map<string, number>()
  const lastRead = new Map<string, Date>()
  for (const row of await activityUnderRows(halls.from, halls.to)) {
    if (row.lastSubmittedAt !== null) lastSubmitted.set(row.userId, instant(row.lastSubmittedAt))
    if (row.lastReadAt !== null) lastRead.set(row.userId, instant(row.lastReadAt))
    const count = Number(row.passed ?? 0) // PostgreSQL's count is a bigint, read as text
    if (count > 0) passedCount.set(row.userId, count)
  }
  return { passedCount, lastSubmitted, lastRead }
}

// the per learner and course roll-up of module reads (CourseReadRollup, kept by mark-read and publish in their
// transactions): a row per learner and course read, instead of every read
// each row an array, as the passes above
const readRollupUnderRows = preparedColumnsRead((q, from: string, to: string, courseIds: readonly string[]) =>
  peopleInHallsUnder(q, from, to).innerJoin('CourseReadRollup as r', 'r.userId', 'u.id').select(['r.userId', 'r.courseId', 'r.read', 'r.total', 'r.currentReadAt']).where('r.courseId', 'in', courseIds),
)(['userId', 'courseId', 'read', 'total', 'currentReadAt'])

export interface ReadingsUnder {
  /** learner → course → their read roll-up of it (only the courses asked about). */
  readings: Map<string, Map<string, { read: number; total: number; currentReadAt: Date | null }>>
}

/** How far each learner in the halls has read the courses named (the assigned ones). */
export async function readingsOfLearnersIn(halls: HallRange, courseIds: readonly string[]): Promise<ReadingsUnder> {
  const rows = courseIds.length ? await readRollupUnderRows(halls.from, halls.to, courseIds) : []
  const readings: ReadingsUnder['readings'] = new Map()
  for (const [userId, courseId, read, total, currentReadAt] of rows) {
    let mine = readings.get(userId)
    if (!mine) readings.set(userId, (mine = new Map()))
    mine.set(courseId, { read, total, currentReadAt: currentReadAt === null ? null : instant(currentReadAt) })
  }
  return { readings }
}
