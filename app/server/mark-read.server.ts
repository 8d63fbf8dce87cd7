// "I have read this": recorded once per learner and module version, with the learner's roll-up of the course
// (CourseReadRollup, what the managers' pages count) refreshed in the same transaction.
import { courseOpenToLearner } from './course-access.server'
import { checkThenWrite, isUniqueViolation } from './db.server'
import type { SessionUser } from './people.server'
import { refreshReadRollup } from './read-rollup.server'
import { notFound } from './responses.server'

/** Records the read once per module version, however often it is pressed (and from however many tabs). */
export async function markModuleRead(user: SessionUser, courseId: string, slug: string, versionId: string, now: Date): Promise<void> {
  const course = await courseOpenToLearner(user, courseId, now)
  const module = course.modules.find((m) => m.slug === slug)
  if (!module) notFound('module')
  if (module.id !== versionId) return // a stale page: the module changed while it was open; the reader sees the new one next
  try {
    await checkThenWrite(async (tx) => {
      const recorded = await tx.moduleRead.findUnique({ where: { userId_moduleVersionId: { userId: user.id, moduleVersionId: versionId } }, select: { id: true } })
      if (recorded) return // already recorded: nothing changes, the roll-up included
      await tx.moduleRead.create({ data: { userId: user.id, moduleVersionId: versionId, courseId, slug, readAt: now } })
      await refreshReadRollup(tx, user.id, courseId)
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error // recorded by a parallel request: the unique (user, version) keeps it once
  }
}
