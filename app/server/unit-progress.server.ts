// The progress of everyone who learns under a unit (a hall, a branch, a region, or "/" for all): a handful of
// statements whatever the number of learners — the learners, the assignments, and the two roll-ups (module reads
// per learner and course, quiz results per learner and quiz) kept in the writers' transactions — then the rules of
// app/core. Pages, exports and the 晨会 pack all read it here.
import { completionTrend, weekEnds, type TrendPoint } from '~/core/completion-trend'
import { learnerRow, type CourseShape, type LearnerRow } from '~/core/unit-progress'
import { assignmentsUnder, dueDaysOf } from './assignments.server'
import { currentCourses, type CourseRow } from './courses.server'
import { quizFactsOfLearnersUnder, readingsOfLearnersUnder } from './learner-records.server'
import { learnersUnder, type LearnerRef } from './people.server'

export const courseShape = (course: CourseRow): CourseShape => ({
  id: course.id,
  modules: course.modules.map((m) => ({ slug: m.slug, versionId: m.id })),
  quizIds: course.quizIds,
})

export interface UnitProgress {
  learners: LearnerRef[]
  rows: LearnerRow[]
  courses: Array<{ id: string; titleZh: string; titleEn: string }>
  trend: () => TrendPoint[]
}

const latest = (a: Date | undefined, b: Date | undefined): Date | null => (a && b ? (a > b ? a : b) : (a ?? b ?? null))

export async function unitProgress(unitPath: string, now: Date): Promise<UnitProgress> {
  const [courses, assignments] = await Promise.all([currentCourses(), assignmentsUnder(unitPath)])
  const shapes = courses.map(courseShape)
  // only the courses assigned somewhere under the unit count, and only their required quizzes: the rows read grow
  // with the learners and what they must do, not with everything they ever did
  const assigned = shapes.filter((c) => assignments.some((a) => a.courseId === c.id))
  const [learners, { readings }, { passed, passedCount, lastSubmitted, lastRead }] = await Promise.all([
    learnersUnder(unitPath),
    readingsOfLearnersUnder(unitPath, assigned.map((c) => c.id)),
    quizFactsOfLearnersUnder(unitPath, [...new Set(assigned.flatMap((c) => c.quizIds))]),
  ])
  const none = new Map<string, { read: number; total: number; currentReadAt: Date | null }>()
  const facts = learners.map((learner) => ({
    learner,
    readings: readings.get(learner.id) ?? none,
    passes: passed.get(learner.id) ?? [],
    dueDays: dueDaysOf(assignments, learner, now),
  }))
  const rows = facts.map((f) => {
    const readCounts = new Map<string, number>()
    for (const [courseId, r] of f.readings) readCounts.set(courseId, r.read)
    return learnerRow(
      {
        ...f.learner,
        readCounts,
        passedQuizIds: f.passes.map((p) => p.quizId),
        quizzesPassed: passedCount.get(f.learner.id) ?? 0,
        lastActivity: latest(lastRead.get(f.learner.id), lastSubmitted.get(f.learner.id)),
        dueDays: f.dueDays,
      },
      shapes,
      now,
    )
  })
  return {
    learners,
    rows,
    courses: courses.map((c) => ({ id: c.id, titleZh: c.titleZh, titleEn: c.titleEn })),
    trend: () => completionTrend(facts, shapes, weekEnds(now, 12)),
  }
}
