// Where a learner left each course: the module "continue" opens.
import { prisma } from './db.server'
import { preparedRead } from './kysely.server'

/** The learner's resume point in every course they have opened. */
export const resumePointsOf = preparedRead((q, userId: string) =>
  q.selectFrom('CourseProgress').select(['courseId', 'lastModule']).where('userId', '=', userId),
)

/** The resume point moves to this module; nothing is written when it is already here (the usual repeat view). */
export async function moveResumePoint(userId: string, courseId: string, slug: string, now: Date): Promise<void> {
  const points = await resumePointsOf(userId)
  if (points.find((p) => p.courseId === courseId)?.lastModule === slug) return
  // one statement (INSERT … ON CONFLICT on both engines), so two tabs opening modules at once cannot collide
  await prisma.courseProgress.upsert({
    where: { userId_courseId: { userId, courseId } },
    create: { userId, courseId, lastModule: slug, updatedAt: now },
    update: { lastModule: slug, updatedAt: now },
  })
}
