// "I have read this": recorded once per learner and module version.
import { courseOpenToLearner } from './course-access.server'
import { isUniqueViolation, prisma } from './db.server'
import type { SessionUser } from './people.server'
import { notFound } from './responses.server'

/** Records the read once per module version, however often it is pressed (and from however many tabs). */
export async function markModuleRead(user: SessionUser, courseId: string, slug: string, versionId: string, now: Date): Promise<void> {
  const course = await courseOpenToLearner(user, courseId, now)
  const module = course.modules.find((m) => m.slug === slug)
  if (!module) notFound('module')
  if (module.id !== versionId) return // a stale page: the module changed while it was open; the reader sees the new one next
  try {
    await prisma.moduleRead.create({ data: { userId: user.id, moduleVersionId: versionId, courseId, slug, readAt: now } })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error // already recorded: the unique (user, version) keeps it once
  }
}
