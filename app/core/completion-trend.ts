// How completion grew week by week: for the courses assigned now, the share complete as of each week's end,
// from the read roll-up (when the last current module was read) and the first passes.
import { hallDay } from './dates'
import { readingCompleteBy, type ReadRollupFigures } from './read-rollup'
import { percentOf, type CourseShape } from './unit-progress'

export interface DatedLearnerFacts {
  dueDays: ReadonlyMap<string, string>
  /** courseId → the learner's read roll-up of it (none: nothing of it read). */
  readings: ReadonlyMap<string, Pick<ReadRollupFigures, 'read' | 'total' | 'currentReadAt'>>
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

/**
 * The first of `ends` (oldest first) by which the course was complete, or ends.length: reading complete (its last
 * current module read) and every required quiz first passed by then. Both only accumulate, so it is the first end at
 * or after the later of the two instants.
 */
function firstCompleteEnd(course: CourseShape, learner: DatedLearnerFacts, ends: readonly Date[]): number {
  const reading = learner.readings.get(course.id)
  if (!reading || reading.total !== course.modules.length || !readingCompleteBy(reading, ends[ends.length - 1] ?? new Date(0))) return ends.length
  let done = reading.currentReadAt!.getTime()
  for (const quizId of course.quizIds) {
    const first = learner.passes.filter((p) => p.quizId === quizId).reduce((min, p) => Math.min(min, p.at.getTime()), Infinity)
    done = Math.max(done, first)
  }
  const index = ends.findIndex((end) => end.getTime() >= done)
  return index === -1 ? ends.length : index
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
