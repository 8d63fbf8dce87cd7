// The manager figures that decision 0019 rewrote for scale (index seeks per learner, the quality cut-off read from
// the index first) against the same facts counted from scratch over every attempt, for each level of unit. On
// SQLite a synthetic organisation is added, busy enough that the latest 1000 attempts fall within the first week.
import { quizFiguresUnder } from '~/server/manage.server'
import { quizFactsOfLearnersUnder } from '~/server/courses.server'
import { QUALITY_MAX_ATTEMPTS, QUALITY_WINDOW_DAYS, recentAttemptsUnder } from '~/server/unit-quality.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { fillOrganisation, scaled } from '../../bench/lib/scale-org'
import { quizRollupDrift } from '~/server/quiz-rollup.server'
import { readRollupDrift } from '~/server/read-rollup.server'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()
const onSqlite = !process.env.DATABASE_URL?.startsWith('postgres') && process.env.TEST_DATABASE !== 'postgres'
const UNITS = ['/', '/R01/', '/R01/B01/', '/R01/B01/H01/', '/SR0/', '/SR0/SB0/', '/SR0/SB0/SH0/']

beforeAll(async () => {
  const { db: opened, file } = await useDemoDatabase(now)
  db = opened
  if (onSqlite) fillOrganisation(file, { ...scaled(0.0025), attempts: 40_000 }, now)
}, 300_000) // the demo history and a synthetic organisation, on a shared machine
afterAll(() => db.$disconnect())

const attemptsUnder = (path: string) =>
  db.attempt.findMany({
    where: { status: 'submitted', user: { hall: { path: { startsWith: path } } } },
    select: { userId: true, quizId: true, passed: true, submittedAt: true, result: true, quiz: { select: { currentVersion: { select: { kind: true } } } } },
  })

it('the seeds (demo history, and on SQLite the scale bench organisation) leave the roll-ups equal to a rebuild', async () => {
  expect(await quizRollupDrift(db)).toEqual([])
  expect(await readRollupDrift(db)).toEqual([])
  expect(await db.courseReadRollup.count({ where: { read: { gt: 0 } } })).toBeGreaterThan(0) // not a vacuous match
})

describe.each(UNITS)('under %s', (path) => {
  it('per quiz: learners who attempted and who passed, as counted over every attempt', async () => {
    const attempts = (await attemptsUnder(path)).filter((a) => a.quiz.currentVersion?.kind === 'quiz')
    const expected = new Map<string, { attempted: Set<string>; passed: Set<string> }>()
    for (const a of attempts) {
      const figure = expected.get(a.quizId) ?? { attempted: new Set(), passed: new Set() }
      figure.attempted.add(a.userId)
      if (a.passed) figure.passed.add(a.userId)
      expected.set(a.quizId, figure)
    }
    const figures = await quizFiguresUnder(path)
    expect(figures.map((f) => [f.quizId, f.attempted, f.passed])).toEqual(
      [...expected].sort(([a], [b]) => (a < b ? -1 : 1)).map(([quizId, f]) => [quizId, f.attempted.size, f.passed.size]),
    )
    if (path === '/') expect(figures.some((f) => f.passed > 0)).toBe(true) // the demo history has passes: not a vacuous match
  })

  it('each learner’s last submission, as the latest of their attempts', async () => {
    const attempts = await attemptsUnder(path)
    const latest = new Map<string, number>()
    for (const a of attempts) if (a.submittedAt) latest.set(a.userId, Math.max(latest.get(a.userId) ?? 0, a.submittedAt.getTime()))
    const { lastSubmitted } = await quizFactsOfLearnersUnder(path, [])
    expect(new Map([...lastSubmitted].map(([id, at]) => [id, at.getTime()]))).toEqual(latest)
  })

  it('the quality view reads the latest attempts within the window, at most the cap', async () => {
    const since = now.getTime() - QUALITY_WINDOW_DAYS * 86_400_000
    const inWindow = (await attemptsUnder(path)).filter((a) => a.submittedAt && a.submittedAt.getTime() >= since)
    const read = await recentAttemptsUnder(path, now)
    expect(read.length).toBe(Math.min(QUALITY_MAX_ATTEMPTS, inWindow.length))
    // newest first: what was read is never older than what was left out
    const times = inWindow.map((a) => a.submittedAt!.getTime()).sort((a, b) => b - a)
    const cut = times[read.length - 1] ?? Infinity
    expect(times.slice(0, read.length).every((t) => t >= cut)).toBe(true)
    const key = (a: { userId: string; quizId: string }) => `${a.userId}/${a.quizId}`
    const newest = new Set(inWindow.filter((a) => a.submittedAt!.getTime() > cut).map(key))
    expect([...newest].every((k) => read.some((r) => key(r) === k))).toBe(true)
  })
})
