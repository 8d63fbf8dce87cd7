// What a learner sees of the courses: /learn (assigned first, then the rest open to them) and one course page.
import type { Completion } from '~/core/completion'
import { daysLeft, isOverdue } from '~/core/overdue'
import { courseForLearner, dueDaysFor, isOpenTo } from './course-access.server'
import { currentCourses } from './course-cache.server'
import { completionOf, moduleReadsOf, passedQuizIds } from './learner-records.server'
import type { SessionUser } from './people.server'
import { quizTitles } from './quiz-titles.server'
import { resumePointsOf } from './resume-point.server'

export interface CatalogueEntry {
  id: string
  titleZh: string
  titleEn: string
  summaryZh: string
  summaryEn: string
  minutes: number
  modules: number
  completion: Completion
  dueDay: string | null
  daysLeft: number | null
  overdue: boolean
  resumeModule: string | null
  /** Where "start" or "continue" goes: the resume point, else the first module not read at its version. */
  nextModule: string | null
}

/** /learn: assigned courses first (soonest due first), then the rest of the catalogue open to the learner's roles. */
export async function catalogueFor(user: SessionUser, now: Date): Promise<{ assigned: CatalogueEntry[]; open: CatalogueEntry[] }> {
  const [courses, due, reads, progress, passed] = await Promise.all([
    currentCourses(),
    dueDaysFor(user, now),
    moduleReadsOf([user.id]),
    resumePointsOf(user.id),
    passedQuizIds(user.id),
  ])
  const entries = courses
    .filter((c) => due.has(c.id) || isOpenTo(c, user.roles))
    .map((c): CatalogueEntry => {
      const completion = completionOf(c, reads, passed)
      const dueDay = due.get(c.id) ?? null
      const resume = progress.find((p) => p.courseId === c.id)?.lastModule ?? null
      return {
        id: c.id,
        titleZh: c.titleZh,
        titleEn: c.titleEn,
        summaryZh: c.summaryZh,
        summaryEn: c.summaryEn,
        minutes: c.minutes,
        modules: c.modules.length,
        completion,
        dueDay,
        daysLeft: dueDay ? daysLeft(dueDay, now) : null,
        overdue: dueDay ? isOverdue({ due: dueDay, done: completion.complete }, now) : false,
        resumeModule: resume,
        nextModule: resume ?? c.modules.find((m) => completion.states[m.slug] !== 'read')?.slug ?? c.modules[0]?.slug ?? null,
      }
    })
  const assigned = entries.filter((e) => e.dueDay).sort((a, b) => a.dueDay!.localeCompare(b.dueDay!) || a.id.localeCompare(b.id))
  return { assigned, open: entries.filter((e) => !e.dueDay) }
}

/** One course page: its modules with the learner's state, its quizzes, due day and resume point. */
export async function loadCourseForLearner(user: SessionUser, courseId: string, now: Date) {
  const { course, dueDay } = await courseForLearner(user, courseId, now)
  const [reads, progress, passed, titles] = await Promise.all([
    moduleReadsOf([user.id]),
    resumePointsOf(user.id),
    passedQuizIds(user.id),
    quizTitles(course.quizIds),
  ])
  const completion = completionOf(course, reads, passed)
  return {
    quizzes: titles.map((quiz) => ({ ...quiz, passed: passed.includes(quiz.id) })),
    course: { id: course.id, titleZh: course.titleZh, titleEn: course.titleEn, summaryZh: course.summaryZh, summaryEn: course.summaryEn, minutes: course.minutes },
    modules: course.modules.map((m) => ({ slug: m.slug, titleZh: m.titleZh, titleEn: m.titleEn, minutes: m.minutes, state: completion.states[m.slug] })),
    quizIds: course.quizIds,
    completion,
    dueDay,
    overdue: dueDay ? isOverdue({ due: dueDay, done: completion.complete }, now) : false,
    resumeModule: progress.find((p) => p.courseId === courseId)?.lastModule ?? null,
  }
}
