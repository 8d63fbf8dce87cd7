// What learners have done that counts towards a course: the module versions they read and the quizzes they
// passed. The clerk's own pages (one learner) and the manager's hall view (a whole hall) both read them here,
// so the two can never disagree about what "read" or "passed" means.
import { courseCompletion, type Completion } from '~/core/completion'
import type { CourseRow } from './course-cache.server'
import { preparedRead } from './kysely.server'
import { instant, TRUE } from './stored.server'

const moduleReadRows = preparedRead((q, userIds: readonly string[]) =>
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

/** Every module version these learners have read (one row per learner and version). */
export async function moduleReadsOf(userIds: readonly string[]): Promise<ModuleReadRow[]> {
  if (userIds.length === 0) return []
  const rows = await moduleReadRows(userIds)
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
