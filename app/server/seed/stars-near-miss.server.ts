// The stars demo's learners: reads and quiz passes of the clerks one requirement short (DEMO_NEAR_MISSES), and
// clerk25's pending ★★ application. Idempotent: attempts carry seeds starting demo-stars, the application its open key.
import type { PrismaClient } from '~/generated/prisma/client'
import { refreshReadRollup } from '../read-rollup.server'
import { seedScoredAttempt } from './history.server'
import { DEMO_NEAR_MISSES, DEMO_PENDING_APPLICATION, type NearMiss } from './stars-data'

const DAY = 86_400_000
const SEED = 'demo-stars'
const QUIZ_OF = { etiquette: 'etiquette-quiz', phrasing: 'phrasing-quiz', complaints: 'complaints-quiz' } as const

async function readCourse(db: PrismaClient, userId: string, courseId: string, at: Date, skipLast: boolean): Promise<void> {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { currentVersion: { select: { modules: { orderBy: { position: 'asc' }, select: { moduleVersion: { select: { id: true, slug: true } } } } } } } })
  const modules = course?.currentVersion?.modules ?? []
  for (const { moduleVersion } of skipLast ? modules.slice(0, -1) : modules) {
    await db.moduleRead.upsert({
      where: { userId_moduleVersionId: { userId, moduleVersionId: moduleVersion.id } },
      create: { userId, moduleVersionId: moduleVersion.id, courseId, slug: moduleVersion.slug, readAt: at },
      update: {},
    })
  }
  await refreshReadRollup(db, userId, courseId) // the managers' roll-up, as mark-read keeps it
}

// The ladder's quiz thresholds: a seeded score stays on the same side of each as the score asked for.
const THRESHOLDS = [80, 90, 95]
const bandOf = (percent: number) => ({
  min: Math.max(0, ...THRESHOLDS.filter((t) => t <= percent)),
  max: Math.min(101, ...THRESHOLDS.filter((t) => t > percent)),
})

async function passQuiz(db: PrismaClient, userId: string, quizId: string, percent: number, at: Date): Promise<void> {
  // a real attempt scored by the engine (steps and review stored), so the manager's record and the quality view read it
  await seedScoredAttempt(db, { userId, quizId, seed: `${SEED}-${userId}-${quizId}`, percent, band: bandOf(percent), submittedAt: at })
}

/**
 * `withNearMisses` false (a seed without the demo's history, as the browser tests use): only clerk25's learning, so
 * that a quiz's statistics hold just the attempts a test makes besides one clerk's.
 */
export async function seedNearMisses(db: PrismaClient, now: Date, withNearMisses = true): Promise<void> {
  if ((await db.attempt.count({ where: { seed: { startsWith: SEED } } })) > 0) return
  for (const miss of [DEMO_PENDING_APPLICATION as Pick<NearMiss, 'username' | 'learning'>, ...(withNearMisses ? DEMO_NEAR_MISSES : [])]) {
    if (!miss.learning) continue
    const user = await db.user.findUnique({ where: { username: miss.username }, select: { id: true } })
    if (!user) continue
    const at = new Date(now.getTime() - 10 * DAY)
    for (const courseId of ['etiquette', 'phrasing', 'complaints'] as const) {
      await readCourse(db, user.id, courseId, at, miss.learning.skipModuleOf === courseId)
      await passQuiz(db, user.id, QUIZ_OF[courseId], miss.learning[courseId], at)
    }
  }
}

export async function seedPendingApplication(db: PrismaClient, now: Date): Promise<void> {
  const { username, level, daysAgo } = DEMO_PENDING_APPLICATION
  const user = await db.user.findUnique({ where: { username }, select: { id: true } })
  if (!user) return
  const openKey = `${user.id}:${level}`
  if (await db.starApplication.findFirst({ where: { userId: user.id, level } })) return
  await db.starApplication.create({ data: { userId: user.id, level, origin: 'applied', createdById: user.id, createdAt: new Date(now.getTime() - daysAgo * DAY), status: 'pending', openKey } })
}
