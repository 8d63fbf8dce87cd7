// Star evidence written straight into a test database: reads of every module of a course's current version,
// submitted quiz attempts with a score, inspections, ratings and complaints.
import type { PrismaClient } from '~/generated/prisma/client'
import { refreshQuizRollup } from '~/server/quiz-rollup.server'
import { refreshReadRollup } from '~/server/read-rollup.server'

export async function readCourse(db: PrismaClient, userId: string, courseId: string, at: Date): Promise<void> {
  const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { currentVersion: { select: { modules: { select: { moduleVersion: { select: { id: true, slug: true } } } } } } } })
  for (const { moduleVersion } of course.currentVersion!.modules) {
    await db.moduleRead.upsert({
      where: { userId_moduleVersionId: { userId, moduleVersionId: moduleVersion.id } },
      create: { userId, moduleVersionId: moduleVersion.id, courseId, slug: moduleVersion.slug, readAt: at },
      update: {},
    })
  }
  await refreshReadRollup(db, userId, courseId) // as mark-read does: the managers' pages count the roll-up
}

export async function passQuiz(db: PrismaClient, userId: string, quizId: string, percent: number, at: Date): Promise<void> {
  const quiz = await db.quiz.findUniqueOrThrow({ where: { id: quizId }, select: { currentVersion: { select: { id: true, passMark: true } } } })
  await db.attempt.create({
    data: {
      userId,
      quizId,
      quizVersionId: quiz.currentVersion!.id,
      seed: 'test',
      status: 'submitted',
      startedAt: at,
      submittedAt: at,
      closedBy: 'clerk',
      points: percent,
      maxPoints: 100,
      percent,
      passed: percent >= quiz.currentVersion!.passMark,
    },
  })
  await refreshQuizRollup(db, userId, quizId) // as the attempt stores do: passes are read from the roll-up
}

const day = (d: Date) => d.toISOString().slice(0, 10)

/** Good records for the last months: monthly inspections and ratings. */
export async function goodRecords(db: PrismaClient, userId: string, now: Date, months = 6, inspection = 95, average = 4.95, ratings = 20): Promise<void> {
  for (let m = 0; m < months; m++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 5))
    await db.inspection.create({
      data: { userId, day: day(d), serviceNorms: 28, grooming: 14, proactiveService: 19, informationDisplay: 10, waitingTime: 14, environment: 10, total: inspection },
    })
    await db.satisfactionMonth.create({ data: { userId, month: day(d).slice(0, 7), ratings, average } })
  }
}

export async function clearStars(db: PrismaClient, userId: string): Promise<void> {
  const certificates = await db.starCertificate.findMany({ where: { userId }, select: { id: true } })
  await db.starCertificateEvent.deleteMany({ where: { certificateId: { in: certificates.map((c) => c.id) } } })
  await db.starCertificate.deleteMany({ where: { userId } })
  await db.starApplication.deleteMany({ where: { userId } })
  await db.inspection.deleteMany({ where: { userId } })
  await db.satisfactionMonth.deleteMany({ where: { userId } })
  await db.complaint.deleteMany({ where: { userId } })
  await db.moduleRead.deleteMany({ where: { userId } })
  await db.courseReadRollup.deleteMany({ where: { userId } })
  await db.attempt.deleteMany({ where: { userId } })
  await db.quizRollup.deleteMany({ where: { userId } })
}
