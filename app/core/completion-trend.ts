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

/** Whether a learner had completed a course by `end`, from what they had read and passed by then. */
function completeBy(course: CourseShape, learner: DatedLearnerFacts, reads: DatedLearnerFacts['reads'], end: Date): boolean {
  return courseCompletion({
    modules: course.modules,
    reads: reads.filter((r) => r.at <= end),
    requiredQuizIds: course.quizIds,
    passedQuizIds: learner.passes.filter((p) => p.at <= end).map((p) => p.quizId),
  }).complete
}

/**
 * The first of `ends` (oldest first) by which the course was complete, or ends.length. Reads and passes only
 * accumulate, so completion never turns back to false: a binary search asks at most log2(12) + 1 times instead of
 * 12 (the regional overview asks this for every learner and course).
 */
function firstCompleteEnd(course: CourseShape, learner: DatedLearnerFacts, ends: readonly Date[]): number {
  const reads = learner.reads.filter((r) => r.courseId === course.id)
  let low = 0
  let high = ends.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (completeBy(course, learner, reads, ends[middle])) high = middle
    else low = middle + 1
  }
  return low
}

/** Per week end (oldest first): the assignments counted then and how many were complete by then. */
export function completionTrend(learners: readonly DatedLearnerFacts[], courses: readonly CourseShape[], ends: readonly Date[]): TrendPoint[] {
  let assigned = 0
  const complete = ends.map(() => 0)
  for (const learner of learners) {
    for (const courseId of learner.dueDays.keys()) {
      const course = courses.find((c) => c.id === courseId)
      if (!course) continue
      assigned++
      for (let i = firstCompleteEnd(course, learner, ends); i < ends.length; i++) complete[i]++
    }
  }
  return ends.map((end, i) => ({ day: hallDay(end), assigned, complete: complete[i], percent: percentOf(complete[i], assigned) }))
}
