// What learners have done that counts towards a course: the module versions they read and the quizzes they
// passed. The clerk's own pages (one learner) and the manager's hall view (a whole hall) both read them here,
// so the two can never disagree about what "read" or "passed" means.
import { courseCompletion, type Completion } from '~/core/completion'
import type { CourseRow } from './course-cache.server'
import { prisma } from './db.server'
import { preparedRead, preparedReadFor, type Queries, type TransactionReader } from './kysely.server'
import { flag, instant, TRUE } from './stored.server'

const moduleReadRows = preparedReadFor((q, userIds: readonly string[]) =>
  q.selectFrom('ModuleRead').select(['userId', 'courseId', 'slug', 'moduleVersionId', 'readAt']).where('userId', 'in', userIds),
)

const passedQuizRows = preparedRead((q, userIds: readonly string[]) =>
  q.selectFrom('Attempt').select(['userId', 'quizId']).distinct().where('userId', 'in', userIds).where('passed', '=', TRUE),
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

// The same facts for every learner whose hall lies under a unit (the manager views and exports): one statement
// each, whatever the number of learners; the range on the materialized path is the indexed form of "starts with"
// (the test cluster sorts text by code point, as SQLite does).
const peopleInHallsUnder = (q: Queries, from: string, to: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('User as u', 'u.hallId', 'h.id')
    .where('h.path', '>=', from)
    .where('h.path', '<', to)

const underUnit = (unitPath: string) => [unitPath, `${unitPath}\uffff`] as const

const readsUnderRows = preparedRead((q, from: string, to: string) =>
  peopleInHallsUnder(q, from, to).innerJoin('ModuleRead as r', 'r.userId', 'u.id').select(['r.userId', 'r.slug', 'r.moduleVersionId', 'r.courseId', 'r.readAt']),
)

/** What every learner under a unit has read (any version), with when. */
export async function readsOfLearnersUnder(unitPath: string): Promise<ModuleReadRow[]> {
  return (await readsUnderRows(...underUnit(unitPath))).map((row) => ({ ...row, readAt: instant(row.readAt) }))
}

// the per learner and quiz roll-up (QuizRollup, kept by every writer of attempts in its transaction): one row per
// learner and quiz tried, instead of a group over all their attempts (100 per clerk in the scale bench)
const rollupUnderRows = preparedRead((q, from: string, to: string) =>
  peopleInHallsUnder(q, from, to).innerJoin('QuizRollup as r', 'r.userId', 'u.id').select(['r.userId', 'r.quizId', 'r.passed', 'r.firstPassedAt', 'r.lastSubmittedAt']),
)

/** The quizzes each learner under a unit has passed (with the first pass), and when each last submitted an attempt. */
export async function quizFactsOfLearnersUnder(unitPath: string): Promise<{ passed: Map<string, Array<{ quizId: string; at: Date }>>; lastSubmitted: Map<string, Date> }> {
  const passed = new Map<string, Array<{ quizId: string; at: Date }>>()
  const lastSubmitted = new Map<string, Date>()
  for (const row of await rollupUnderRows(...underUnit(unitPath))) {
    if (flag(row.passed) && row.firstPassedAt !== null) {
      const pass = { quizId: row.quizId, at: instant(row.firstPassedAt) }
      const mine = passed.get(row.userId)
      if (mine) mine.push(pass)
      else passed.set(row.userId, [pass])
    }
    if (row.lastSubmittedAt === null) continue
    const at = instant(row.lastSubmittedAt)
    const before = lastSubmitted.get(row.userId)
    if (!before || at > before) lastSubmitted.set(row.userId, at)
  }
  return { passed, lastSubmitted }
}
