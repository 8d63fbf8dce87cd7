// Issue 17's demo data: six months of believable history relative to the day the demo is seeded — module reads,
// quiz and practice attempts with realistic (spread, not all-pass) scores, assignments some of them overdue — so
// that every manager page has something true to show when `npm run demo` starts. Checked on the seeded database.
import { hallDay } from '~/core/dates'
import type { PrismaClient } from '~/generated/prisma/client'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()
const DAY = 86_400_000
const daysAgo = (date: Date) => (now.getTime() - date.getTime()) / DAY

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 600_000)
afterAll(() => db.$disconnect())

it('module reads and submitted attempts span about six months before today, none in the future', async () => {
  const reads = await db.moduleRead.aggregate({ _min: { readAt: true }, _max: { readAt: true }, _count: true })
  const attempts = await db.attempt.aggregate({ where: { status: 'submitted' }, _min: { submittedAt: true }, _max: { submittedAt: true }, _count: true })
  expect(reads._count).toBeGreaterThan(100)
  expect(attempts._count).toBeGreaterThan(100)
  for (const [first, last] of [
    [reads._min.readAt!, reads._max.readAt!],
    [attempts._min.submittedAt!, attempts._max.submittedAt!],
  ]) {
    expect(daysAgo(first)).toBeGreaterThan(150) // it reaches back about six months
    expect(daysAgo(first)).toBeLessThanOrEqual(190)
    expect(daysAgo(last)).toBeGreaterThanOrEqual(0) // nothing after the seeding day
    expect(daysAgo(last)).toBeLessThan(14) // and it runs up to the last days
  }
})

it('quiz scores are spread like real ones: passes and fails, low and high marks; practice attempts too', async () => {
  const quizAttempts = await db.attempt.findMany({ where: { status: 'submitted', quiz: { currentVersion: { kind: 'quiz' } } }, select: { percent: true, passed: true } })
  const passed = quizAttempts.filter((a) => a.passed).length
  expect(passed / quizAttempts.length).toBeGreaterThan(0.3)
  expect(passed / quizAttempts.length).toBeLessThan(0.95)
  const percents = quizAttempts.map((a) => a.percent!)
  expect(Math.min(...percents)).toBeLessThan(50)
  expect(Math.max(...percents)).toBeGreaterThan(90)
  expect(await db.attempt.count({ where: { status: 'submitted', quiz: { currentVersion: { kind: 'practice' } } } })).toBeGreaterThan(10)
})

it('assignments: some due already passed (overdue unless done), some still to come', async () => {
  const today = hallDay(now)
  const open = await db.assignment.findMany({ where: { cancelledAt: null }, select: { dueDay: true } })
  expect(open.filter((a) => a.dueDay < today).length).toBeGreaterThan(0)
  expect(open.filter((a) => a.dueDay >= today).length).toBeGreaterThan(0)
})
