// One person's record, the same for them and for whoever may see it: courses with each module's read and the
// version read, every submitted attempt, assignments with due days (and whether overdue), reminders received.
import { isOverdue } from '~/core/overdue'
import { reviewInShownOrder } from '~/core/quiz/quiz'
import { reviewOfStored } from '~/core/quiz/stored-review'
import { assignmentsAround, assignmentsOf } from './assignments.server'
import { completionOf, currentCourses, passedQuizIds, readRecordOf } from './courses.server'
import { prisma } from './db.server'
import type { PersonRow, SessionUser } from './people.server'
import { moduleTitles } from './quiz-attempts.server'
import { quizVersionById } from './quiz-versions.server'
import { notFound } from './responses.server'
import { requirePersonVisible } from './session.server'

export async function personRecord(person: PersonRow, now: Date) {
  const [courses, around, attempts, reminders] = await Promise.all([
    currentCourses(),
    person.hall ? assignmentsAround(person.hall.path) : Promise.resolve([]),
    prisma.attempt.findMany({
      where: { userId: person.id, status: 'submitted' },
      select: { id: true, quizId: true, submittedAt: true, percent: true, passed: true, closedBy: true, quizVersion: { select: { titleZh: true, titleEn: true, kind: true, number: true } } },
      orderBy: { submittedAt: 'desc' },
    }),
    prisma.reminder.findMany({
      where: { learnerId: person.id },
      select: { id: true, createdAt: true, dueDay: true, remindedBy: { select: { name: true } }, assignment: { select: { courseId: true } } },
      orderBy: { createdAt: 'desc' },
      take: 20,
    }),
  ])
  const [reads, passed] = await Promise.all([readRecordOf(person.id), passedQuizIds(person.id)])
  const assigned = assignmentsOf(around, { id: person.id, hallPath: person.hall?.path ?? null, roles: person.roles, hireDate: person.hireDate }, now)
  const learns = person.roles.includes('clerk') || person.roles.includes('mentor')
  const shown = courses.filter((c) => assigned.has(c.id) || reads.some((r) => r.courseId === c.id) || learns)
  return {
    courses: shown.map((course) => {
      const completion = completionOf(course, reads, passed)
      const assignment = assigned.get(course.id) ?? null
      return {
        id: course.id,
        titleZh: course.titleZh,
        titleEn: course.titleEn,
        completion,
        assignment: assignment && { id: assignment.id, dueDay: assignment.dueDay, overdue: isOverdue({ due: assignment.dueDay, done: completion.complete }, now), named: assignment.personId !== null },
        modules: course.modules.map((m) => {
          const read = reads.filter((r) => r.courseId === course.id && r.slug === m.slug).at(-1) ?? null
          return { slug: m.slug, titleZh: m.titleZh, titleEn: m.titleEn, state: completion.states[m.slug], readAt: read?.readAt ?? null, versionRead: read?.number ?? null }
        }),
      }
    }),
    attempts: attempts.map(({ quizVersion, ...a }) => ({ ...a, titleZh: quizVersion.titleZh, titleEn: quizVersion.titleEn, kind: quizVersion.kind, version: quizVersion.number })),
    reminders: reminders.map((r) => ({ id: r.id, at: r.createdAt, dueDay: r.dueDay, by: r.remindedBy.name, courseId: r.assignment.courseId })),
  }
}

/** A submitted attempt's review for someone who may see its learner (the learner, their managers…); 404 otherwise unknown. */
export async function attemptReviewFor(user: SessionUser, person: PersonRow, attemptId: string) {
  requirePersonVisible(user, { id: person.id, hallPath: person.hall?.path ?? null })
  const attempt = await prisma.attempt.findUnique({ where: { id: attemptId }, select: { userId: true, quizId: true, quizVersionId: true, seed: true, status: true, result: true, closedBy: true } })
  if (!attempt || attempt.userId !== person.id || attempt.status !== 'submitted') notFound('attempt')
  const version = await quizVersionById(attempt.quizVersionId)
  const stored = reviewOfStored(attempt.result, version.quiz, version.context)
  const review = { ...stored, reviews: reviewInShownOrder(version.quiz, attempt.seed, stored.reviews) }
  return {
    quizId: attempt.quizId,
    title: { zh: version.titleZh, en: version.titleEn },
    page: { kind: version.kind, courseId: version.courseId, passMark: version.passMark, review, closedBy: attempt.closedBy, modules: await moduleTitles(review.course) },
  }
}
