// The progress of everyone who learns under a unit (a hall, a branch, a region, or "/" for all): five statements
// whatever the number of learners, then the rules of app/core. Pages, exports and the 晨会 pack all read it here.
import { completionTrend, weekEnds, type TrendPoint } from '~/core/completion-trend'
import { learnerRow, type CourseShape, type LearnerRow } from '~/core/unit-progress'
import { assignmentsUnder, dueDaysOf } from './assignments.server'
import { currentCourses, quizFactsOfLearnersUnder, readsOfLearnersUnder, type CourseRow } from './courses.server'
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

const latest = (...instants: Array<Date | undefined>) => instants.filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime()).at(-1) ?? null

export async function unitProgress(unitPath: string, now: Date): Promise<UnitProgress> {
  const courses = await currentCourses()
  const shapes = courses.map(courseShape)
  const [learners, reads, { passed, lastSubmitted }, assignments] = await Promise.all([
    learnersUnder(unitPath),
    readsOfLearnersUnder(unitPath),
    quizFactsOfLearnersUnder(unitPath),
    assignmentsUnder(unitPath),
  ])
  const readsBy = new Map<string, typeof reads>()
  for (const read of reads) {
    const mine = readsBy.get(read.userId)
    if (mine) mine.push(read)
    else readsBy.set(read.userId, [read])
  }
  const facts = learners.map((learner) => {
    const mine = readsBy.get(learner.id) ?? []
    return {
      learner,
      reads: mine.map((r) => ({ courseId: r.courseId, slug: r.slug, versionId: r.moduleVersionId, at: r.readAt })),
      passes: passed.get(learner.id) ?? [],
      lastRead: mine.reduce<Date | undefined>((max, r) => (!max || r.readAt > max ? r.readAt : max), undefined),
      dueDays: dueDaysOf(assignments, learner, now),
    }
  })
  const rows = facts.map((f) => {
    const last = latest(f.lastRead, lastSubmitted.get(f.learner.id))
    return learnerRow(
      { ...f.learner, reads: f.reads, passedQuizIds: f.passes.map((p) => p.quizId), lastActivity: last, dueDays: f.dueDays },
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
