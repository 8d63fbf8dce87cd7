// 催学: a manager reminds an overdue learner of an assignment. Recorded once per form (request key), checked and
// written in one transaction; the learner's home page shows recent reminders while the course is still open.
import { canRemind, canViewPerson } from '~/core/permissions'
import { isOverdue } from '~/core/overdue'
import { assignmentsAround, assignmentsOf } from './assignments.server'
import { completionOf, currentCourses, passedQuizIds, readRecordOf } from './courses.server'
import { checkThenWrite, isUniqueViolation, prisma } from './db.server'
import { preparedRead } from './kysely.server'
import { findPerson, type SessionUser } from './people.server'
import { forbidden, notFound } from './responses.server'
import { instant, storedInstant } from './stored.server'
import { unitProgress } from './unit-progress.server'

export const REMINDER_DAYS_SHOWN = 14

export type RemindResult = { ok: true; duplicate: boolean } | { ok: false; error: 'manageBoard.notOverdue' }

export async function remindLearner(user: SessionUser, input: { username: string; assignmentId: string; requestKey: string }, now: Date): Promise<RemindResult> {
  const person = await findPerson(input.username)
  if (!person) notFound('person')
  const ref = { id: person.id, hallPath: person.hall?.path ?? null }
  // someone the viewer cannot see is answered as unknown (404), as their record page is
  if (!canViewPerson(user.viewer, ref)) notFound('person')
  if (!canRemind(user.viewer, ref)) forbidden('may not remind this person')
  const [course] = await currentCourses({ id: (await prisma.assignment.findUnique({ where: { id: input.assignmentId }, select: { courseId: true } }))?.courseId ?? '' })
  try {
    const around = person.hall ? await assignmentsAround(person.hall.path) : []
    const learner = { id: person.id, hallPath: person.hall?.path ?? null, roles: person.roles, hireDate: person.hireDate }
    const counted = [...assignmentsOf(around, learner, now).values()].find((a) => a.id === input.assignmentId)
    if (!counted || !course) notFound('assignment') // not one that counts for this person (another's, cancelled, superseded)
    // reads and passes are never taken back: read before the transaction, which then holds the write lock briefly
    const [reads, passed] = await Promise.all([readRecordOf(person.id), passedQuizIds(person.id)])
    return await checkThenWrite(async (tx) => {
      // read again inside the transaction: a cancellation or due-day change that lands first wins
      const assignment = await tx.assignment.findUnique({ where: { id: counted.id }, select: { id: true, dueDay: true, cancelledAt: true } })
      if (!assignment || assignment.cancelledAt) notFound('assignment')
      const done = completionOf(course, reads, passed).complete
      if (!isOverdue({ due: assignment.dueDay, done }, now)) return { ok: false, error: 'manageBoard.notOverdue' } as const
      await tx.reminder.create({ data: { assignmentId: assignment.id, learnerId: person.id, remindedById: user.id, dueDay: assignment.dueDay, createdAt: now, requestKey: input.requestKey } })
      return { ok: true, duplicate: false } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: true, duplicate: true }
    throw error
  }
}

// one statement for the clerk's home (it was three Prisma reads: reminders, senders, assignments)
const recentReminderRows = preparedRead((q, learnerId: string, since: string) =>
  q
    .selectFrom('Reminder as r')
    .innerJoin('Assignment as a', 'a.id', 'r.assignmentId')
    .innerJoin('User as by', 'by.id', 'r.remindedById')
    .select(['r.id', 'r.createdAt', 'r.dueDay', 'by.name', 'a.courseId'])
    .where('r.learnerId', '=', learnerId)
    .where('r.createdAt', '>=', since)
    .where('a.cancelledAt', 'is', null)
    .orderBy('r.createdAt', 'desc'),
)

/** Reminders a learner received lately on assignments still in force, newest first (the page drops completed courses). */
export async function recentRemindersOf(userId: string, now: Date) {
  const rows = await recentReminderRows(userId, storedInstant(new Date(now.getTime() - REMINDER_DAYS_SHOWN * 86_400_000)))
  return rows.map((r) => ({ id: r.id, at: instant(r.createdAt), dueDay: r.dueDay, by: r.name, courseId: r.courseId }))
}

/**
 * 催学 for a whole hall (issue 17: "a notice on each overdue person's home page"): every assignment overdue for one
 * of its learners, reminded through remindLearner one by one (the same checks, each in its own transaction), each
 * under a key derived from the form's, so that a double submit reminds each person of each course once. `reminded` counts
 * the reminders this press made; `people` and `courses` what stands reminded after it (a double submit's second press
 * reports the same as its first, not "0 sent").
 */
export async function remindOverdueIn(
  user: SessionUser,
  hall: { path: string },
  requestKey: string,
  now: Date,
): Promise<{ reminded: number; people: number; courses: number }> {
  const [progress, around] = await Promise.all([unitProgress(hall.path, now, { activity: false }), assignmentsAround(hall.path)])
  const learnerOf = new Map(progress.learners.map((l) => [l.id, l]))
  let reminded = 0
  let courses = 0
  const people = new Set<string>()
  for (const row of progress.rows.filter((r) => r.overdue > 0)) {
    const learner = learnerOf.get(row.id)!
    const counted = assignmentsOf(around, learner, now)
    for (const course of row.courses.filter((c) => c.overdue)) {
      const assignment = counted.get(course.courseId)
      if (!assignment) continue // the row counted it overdue: its assignment is in force, read in the same moment
      const outcome = await remindLearner(user, { username: row.username, assignmentId: assignment.id, requestKey: `${requestKey}:${row.id}:${assignment.id}` }, now)
      if (!outcome.ok) continue
      if (!outcome.duplicate) reminded++
      courses++
      people.add(row.id)
    }
  }
  return { reminded, people: people.size, courses }
}
