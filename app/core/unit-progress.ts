// What a manager counts: per learner and assigned course, done or overdue; per hall and per unit, the totals.
// Plain data in (courses, a learner's read counts from the roll-up, passes and assignments), plain rows out; `now`
// is a parameter.
import { completionOfCounts, type QuizIdsPassed } from './completion'
import { isOverdue } from './overdue'
import { isNewHire } from './people'
import type { Role } from './roles'

export interface CourseShape {
  id: string
  modules: ReadonlyArray<{ slug: string; versionId: string }>
  quizIds: readonly string[]
}

export interface LearnerFacts {
  id: string
  username: string
  name: string
  hallCode: string
  roles: readonly Role[]
  hireDate: Date | null
  /** courseId → modules of its current version read at their current version (the read roll-up, app/core/read-rollup.ts). */
  readCounts: Pick<ReadonlyMap<string, number>, 'get'>
  /** The quizzes passed, at least those the assigned courses require (asked one id at a time). */
  passedQuizIds: QuizIdsPassed
  /** How many quizzes passed in all. */
  quizzesPassed: number
  lastActivity: Date | null
  /** courseId → due day of the assignment that counts for this learner. */
  dueDays: ReadonlyMap<string, string>
}

export interface CourseStatus {
  courseId: string
  dueDay: string
  read: number
  total: number
  quizzesPassed: number
  quizzesRequired: number
  complete: boolean
  overdue: boolean
}

export interface LearnerRow {
  id: string
  username: string
  name: string
  hallCode: string
  roles: readonly Role[]
  newHire: boolean
  courses: CourseStatus[]
  assigned: number
  complete: number
  overdue: number
  /** Over every assigned course: modules read at their current version / modules in those courses. */
  modulesRead: number
  modulesTotal: number
  quizzesPassed: number
  lastActivity: Date | null
}

export function learnerRow(learner: LearnerFacts, courses: readonly CourseShape[], now: Date): LearnerRow {
  // one pass over the learner's assigned courses (a region's page builds 2 000 of these rows, the whole export 20 000)
  const statuses: CourseStatus[] = []
  let complete = 0
  let overdue = 0
  let modulesRead = 0
  let modulesTotal = 0
  for (const [courseId, dueDay] of learner.dueDays) {
    const course = courses.find((c) => c.id === courseId)
    if (!course) continue // a course withdrawn from the catalogue counts for nobody
    const total = course.modules.length
    const read = Math.min(learner.readCounts.get(courseId) ?? 0, total)
    const figures = completionOfCounts({ read, total, requiredQuizIds: course.quizIds, passedQuizIds: learner.passedQuizIds })
    const status = { courseId, dueDay, read, total, quizzesPassed: figures.quizzesPassed, quizzesRequired: figures.quizzesRequired, complete: figures.complete, overdue: isOverdue({ due: dueDay, done: figures.complete }, now) }
    statuses.push(status)
    if (status.complete) complete++
    if (status.overdue) overdue++
    modulesRead += read
    modulesTotal += total
  }
  if (statuses.length > 1) statuses.sort((a, b) => a.dueDay.localeCompare(b.dueDay) || a.courseId.localeCompare(b.courseId))
  return {
    id: learner.id,
    username: learner.username,
    name: learner.name,
    hallCode: learner.hallCode,
    roles: learner.roles,
    newHire: isNewHire(learner.hireDate, now),
    courses: statuses,
    assigned: statuses.length,
    complete,
    overdue,
    modulesRead,
    modulesTotal,
    quizzesPassed: learner.quizzesPassed,
    lastActivity: learner.lastActivity,
  }
}

export interface CourseFigure {
  courseId: string
  assigned: number
  complete: number
  /** Whole percent complete of those assigned; null when nobody has it assigned. */
  percent: number | null
  overdue: number
}

/** Per course: how many learners have it assigned, have completed it, are past due. */
export function courseFigures(rows: readonly LearnerRow[]): CourseFigure[] {
  const byCourse = new Map<string, CourseFigure>()
  for (const row of rows) {
    for (const status of row.courses) {
      const figure = byCourse.get(status.courseId) ?? { courseId: status.courseId, assigned: 0, complete: 0, percent: null, overdue: 0 }
      figure.assigned++
      if (status.complete) figure.complete++
      if (status.overdue) figure.overdue++
      byCourse.set(status.courseId, figure)
    }
  }
  return [...byCourse.values()]
    .map((f) => ({ ...f, percent: percentOf(f.complete, f.assigned) }))
    .sort((a, b) => a.courseId.localeCompare(b.courseId))
}

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part / whole) * 100)
}

export interface GroupFigure {
  key: string
  learners: number
  assigned: number
  complete: number
  percent: number | null
  overdue: number
  /** Learners with at least one course past due. */
  overdueLearners: number
}

/** Totals per group (a hall code, a branch code…): `keyOf` says which group a learner counts in. */
export function groupFigures(rows: readonly LearnerRow[], keyOf: (row: LearnerRow) => string, keys: readonly string[]): GroupFigure[] {
  return keys.map((key) => {
    const mine = rows.filter((row) => keyOf(row) === key)
    const assigned = mine.reduce((sum, r) => sum + r.assigned, 0)
    const complete = mine.reduce((sum, r) => sum + r.complete, 0)
    return {
      key,
      learners: mine.length,
      assigned,
      complete,
      percent: percentOf(complete, assigned),
      overdue: mine.reduce((sum, r) => sum + r.overdue, 0),
      overdueLearners: mine.filter((r) => r.overdue > 0).length,
    }
  })
}
