// How completion grew week by week: for the courses assigned now, the share complete as of each week's end,
// from the dated reads and first passes (a module read later, or on an older version, counts from when it was read).
import { courseCompletion } from './completion'
import { hallDay } from './dates'
import { percentOf, type CourseShape } from './unit-progress'

export interface DatedLearnerFacts {
  dueDays: ReadonlyMap<string, string>
  reads: ReadonlyArray<{ courseId: string; slug: string; versionId: string; at: Date }>
  passes: ReadonlyArray<{ quizId: string; at: Date }>
}

export interface TrendPoint {
  day: string
  assigned: number
  complete: number
  percent: number | null
}

/** The ends of the last `weeks` weeks, oldest first, the last one being `now`. */
export function weekEnds(now: Date, weeks: number): Date[] {
  return Array.from({ length: weeks }, (_, i) => new Date(now.getTime() - (weeks - 1 - i) * 7 * 86_400_000))
}

export function completionTrend(learners: readonly DatedLearnerFacts[], courses: readonly CourseShape[], ends: readonly Date[]): TrendPoint[] {
  return ends.map((end) => {
    let assigned = 0
    let complete = 0
    for (const learner of learners) {
      const reads = learner.reads.filter((r) => r.at <= end)
      const passed = learner.passes.filter((p) => p.at <= end).map((p) => p.quizId)
      for (const courseId of learner.dueDays.keys()) {
        const course = courses.find((c) => c.id === courseId)
        if (!course) continue
        assigned++
        const done = courseCompletion({ modules: course.modules, reads: reads.filter((r) => r.courseId === courseId), requiredQuizIds: course.quizIds, passedQuizIds: passed }).complete
        if (done) complete++
      }
    }
    return { day: hallDay(end), assigned, complete, percent: percentOf(complete, assigned) }
  })
}
