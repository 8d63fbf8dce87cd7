// Which courses a learner may open: those open to one of their roles, and those assigned to them.
import type { Role } from '~/core/roles'
import { assignmentsAround, dueDaysOf } from './assignments.server'
import { currentCourses, type CourseRow } from './course-cache.server'
import type { SessionUser } from './people.server'
import { forbidden, notFound } from './responses.server'

export const isOpenTo = (course: CourseRow, roles: readonly Role[]) => course.audience.some((r) => roles.includes(r as Role))

/** The learner's assigned courses with their earliest due day. */
export async function dueDaysFor(user: SessionUser, now: Date): Promise<Map<string, string>> {
  if (!user.hall) return new Map()
  return dueDaysOf(await assignmentsAround(user.hall.path), { id: user.id, hallPath: user.hall.path, roles: user.roles, hireDate: user.hireDate }, now)
}

/** A course the learner may open: 404 when unknown, 403 when neither open to their roles nor assigned. */
export async function courseForLearner(user: SessionUser, courseId: string, now: Date): Promise<{ course: CourseRow; dueDay: string | null }> {
  const [course] = await currentCourses({ id: courseId })
  if (!course) notFound('course')
  const dueDay = (await dueDaysFor(user, now)).get(courseId) ?? null
  if (!dueDay && !isOpenTo(course, user.roles)) forbidden('course not open to this role')
  return { course, dueDay }
}

/** The same check when the due day is not shown (a module page): assignments are read only if the role alone does not open it. */
export async function courseOpenToLearner(user: SessionUser, courseId: string, now: Date): Promise<CourseRow> {
  const [course] = await currentCourses({ id: courseId })
  if (!course) notFound('course')
  if (!isOpenTo(course, user.roles) && !(await dueDaysFor(user, now)).has(courseId)) forbidden('course not open to this role')
  return course
}
