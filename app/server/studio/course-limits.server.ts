// An admin's limits on trainers: with any StudioCourseLimit row a trainer may author only the listed courses
// (canAuthorCourse in core/permissions decides; requireAuthorOf applies it to every studio page and action).
import { canLimitAuthors, type Viewer } from '~/core/permissions'
import type { PrismaClient } from '~/generated/prisma/client'
import { recordAudit } from '../audit.server'
import { checkThenWrite } from '../db.server'
import { forbidden } from '../responses.server'

export interface TrainerLimits {
  id: string
  username: string
  name: string
  /** Empty: every course. */
  courses: string[]
}

/** Every active trainer with the courses they are limited to. */
export async function trainersWithLimits(db: PrismaClient): Promise<TrainerLimits[]> {
  const [trainers, limits] = await Promise.all([
    db.user.findMany({ where: { active: true, roles: { some: { role: 'trainer' } } }, select: { id: true, username: true, name: true }, orderBy: { username: 'asc' } }),
    db.studioCourseLimit.findMany({ orderBy: { courseId: 'asc' } }),
  ])
  return trainers.map((t) => ({ ...t, courses: limits.filter((l) => l.userId === t.id).map((l) => l.courseId) }))
}

export type LimitResult = { ok: true; courses: string[] } | { ok: false; reason: 'not-a-trainer' | 'unknown-course' }

/** Replaces a trainer's limits (an empty list clears them: every course again), with its audit entry. */
export async function setCourseLimits(
  db: PrismaClient,
  admin: { id: string; viewer: Viewer },
  input: { trainerId: string; courseIds: readonly string[]; now: Date },
): Promise<LimitResult> {
  if (!canLimitAuthors(admin.viewer)) forbidden('course limits')
  const courseIds = [...new Set(input.courseIds)].sort()
  return checkThenWrite(
    async (tx) => {
      const trainer = await tx.user.findFirst({ where: { id: input.trainerId, active: true, roles: { some: { role: 'trainer' } } }, select: { id: true } })
      if (!trainer) return { ok: false, reason: 'not-a-trainer' } as const
      const known = await tx.course.count({ where: { id: { in: courseIds } } })
      if (known !== courseIds.length) return { ok: false, reason: 'unknown-course' } as const
      await tx.studioCourseLimit.deleteMany({ where: { userId: trainer.id } })
      if (courseIds.length) await tx.studioCourseLimit.createMany({ data: courseIds.map((courseId) => ({ userId: trainer.id, courseId })) })
      await recordAudit(tx, { at: input.now, actorId: admin.id, action: 'studio.limitsChanged', subjectId: trainer.id, detail: { courses: courseIds.join(',') || null } })
      return { ok: true, courses: courseIds } as const
    },
    { db },
  )
}
