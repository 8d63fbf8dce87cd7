// What a manager counts in one hall: per person, the assigned courses complete at their current version and
// those past due. Four reads for the whole hall, with the rules and the record reads the learner's own page uses.
import { isOverdue } from '~/core/overdue'
import type { Role } from '~/core/roles'
import { assignmentsAround, dueDaysOf } from './assignments.server'
import { currentCourses } from './course-cache.server'
import { completionOf, moduleReadsOf, passedQuizzesOf } from './learner-records.server'

export interface LearnerProgress {
  assigned: number
  complete: number
  overdue: number
}

/** What a hall's people have of their assigned courses: four queries for the whole hall. */
export async function hallProgress(
  hallPath: string,
  people: ReadonlyArray<{ id: string; roles: Role[]; hireDate: Date | null }>,
  now: Date,
): Promise<Map<string, LearnerProgress>> {
  const ids = people.map((p) => p.id)
  const [courses, assignments, reads, passes] = await Promise.all([
    currentCourses(),
    assignmentsAround(hallPath),
    moduleReadsOf(ids),
    passedQuizzesOf(ids),
  ])
  const progress = new Map<string, LearnerProgress>()
  for (const person of people) {
    if (!person.roles.some((role) => role === 'clerk' || role === 'mentor')) continue // managers have no learning to count
    const due = dueDaysOf(assignments, { hallPath, roles: person.roles, hireDate: person.hireDate }, now)
    const mine = reads.filter((r) => r.userId === person.id)
    const passed = passes.filter((p) => p.userId === person.id).map((p) => p.quizId)
    const row: LearnerProgress = { assigned: 0, complete: 0, overdue: 0 }
    for (const [courseId, dueDay] of due) {
      const course = courses.find((c) => c.id === courseId)
      if (!course) continue
      const done = completionOf(course, mine, passed).complete
      row.assigned++
      if (done) row.complete++
      else if (isOverdue({ due: dueDay, done }, now)) row.overdue++
    }
    progress.set(person.id, row)
  }
  return progress
}
