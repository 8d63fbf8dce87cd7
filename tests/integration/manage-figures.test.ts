// The manager figures that decisions 0019 and 0031 rewrote for scale (index seeks per learner, the quality sample
// summed from the roll-up of closed days) against the same facts counted from scratch over every attempt, for each
// level of unit. On SQLite a synthetic organisation is added (with its seeded quality roll-up), busy enough that
// the sample's 1000 attempts fall within the first week.
import { quizFiguresUnder } from '~/server/manage.server'
import { activityOfLearnersIn } from '~/server/learner-records.server'
import { hallsUnder } from '~/server/people.server'
import { QUALITY_SAMPLE_ATTEMPTS, QUALITY_WINDOW_DAYS, qualitySampleUnder } from '~/server/unit-quality.server'
import { qualityRollupDrift } from '~/server/quality-rollup-check.server'
import { attemptFactsOf } from '~/server/quality-rollup.server'
import { quizVersionsFor } from '~/server/quiz-versions.server'
import { loadForbiddenPhrases } from '~/server/phrases.server'
import { closedDaysBefore, facilitiesFromSums, foldItems, foldPhrases, phraseCountsFromHits } from '~/core/unit-quality'
import { hallDay } from '~/core/dates'
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
    select: { userId: true, quizId: true, quizVersionId: true, passed: true, submittedAt: true, result: true, quiz: { select: { currentVersion: { select: { kind: true } } } } },
  })

it('the seeds (demo history, and on SQLite the scale bench organisation) leave the roll-ups equal to a rebuild', async () => {
  expect(await quizRollupDrift(db)).toEqual([])
  expect(await readRollupDrift(db)).toEqual([])
  expect(await qualityRollupDrift(db)).toEqual([])
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
    const { lastSubmitted } = await activityOfLearnersIn(hallsUnder(path))
    expect(new Map([...lastSubmitted].map(([id, at]) => [id, at.getTime()]))).toEqual(latest)
  })

  it('the quality sample: the latest closed days holding the sample, summed from the roll-up as a recount of those days’ attempts finds them', async () => {
    const sample = await qualitySampleUnder(path, now)
    const today = hallDay(now)
    const window = closedDaysBefore(today, QUALITY_WINDOW_DAYS)
    const inDays = (a: { submittedAt: Date | null }, first: string) => a.submittedAt !== null && hallDay(a.submittedAt) >= first && hallDay(a.submittedAt) < today
    const all = await attemptsUnder(path)
    const versions = await quizVersionsFor(db, all.map((a) => a.quizVersionId)) // results of shape 2 are read with their version
    const facts = all.filter((a) => inDays(a, sample.from!)).flatMap((a) => attemptFactsOf(a, versions) ?? [])
    expect(sample.to).toBe(window[0])
    expect(sample.attempts).toBe(facts.length)
    // enough attempts, and not one day more than needed (or the whole window when it holds fewer)
    const dayAfter = closedDaysBefore(today, window.indexOf(sample.from!)).at(-1)
    const fewerWithoutFirstDay = dayAfter === undefined ? 0 : all.filter((a) => inDays(a, dayAfter)).flatMap((a) => attemptFactsOf(a, versions) ?? []).length
    if (sample.from === window.at(-1)) expect(fewerWithoutFirstDay).toBeLessThan(QUALITY_SAMPLE_ATTEMPTS)
    else expect([sample.attempts >= QUALITY_SAMPLE_ATTEMPTS, fewerWithoutFirstDay < QUALITY_SAMPLE_ATTEMPTS]).toEqual([true, true])
    const phrases = loadForbiddenPhrases()
    const round = (f: { facility: number }) => ({ ...f, facility: Math.round(f.facility) })
    expect(facilitiesFromSums(sample.items).map(round)).toEqual(facilitiesFromSums(foldItems(facts)).map(round))
    expect(phraseCountsFromHits(sample.phraseHits, phrases)).toEqual(phraseCountsFromHits(foldPhrases(facts, phrases), phrases))
    if (path === '/') expect(sample.items.length).toBeGreaterThan(0) // not a vacuous match
  })
})

it('after the views folded their days, the roll-up still equals a recount of every folded day', async () => {
  expect(await db.qualityDay.count()).toBeGreaterThan(0)
  expect(await qualityRollupDrift(db)).toEqual([])
})
