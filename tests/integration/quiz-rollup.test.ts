// The managers' per learner and quiz roll-up (QuizRollup) stays equal to a rebuild from the attempts after every
// writer of attempts: both attempt stores' close and re-mark (one at a time and 50 in parallel for one learner), the
// learner's real submit path, the demo seed with its history; and the rebuild repairs a roll-up that drifted.
import { importContent } from '~/server/content/import.server'
import { prismaAttemptStore } from '~/server/attempt-store-prisma.server'
import { sqliteAttemptStore } from '~/server/attempt-store-sqlite.server'
import type { AttemptStore, RemarkPlan } from '~/server/attempt-store.server'
import { loadSessionUser } from '~/server/people.server'
import { submitAttempt } from '~/server/quiz-answers.server'
import { startAttempt } from '~/server/quiz-attempts.server'
import { quizRollupDrift, rebuildQuizRollups } from '~/server/quiz-rollup.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
let file: string
const t0 = new Date('2026-11-25T02:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

beforeAll(async () => {
  ;({ db, file } = await useTestDatabase())
  expect((await importContent(db, 'content')).ok).toBe(true)
  await seedDemo(db, { password: 'Test@2026', now: t0, history: true })
}, 180_000)
afterAll(() => db.$disconnect())

it('the demo seed with its history leaves the roll-up equal to a rebuild, and the roll-up is not empty', async () => {
  expect(await db.quizRollup.count()).toBeGreaterThan(0)
  expect(await quizRollupDrift(db)).toEqual([])
})

it('a content import (other courses and quizzes published) needs no roll-up write: still equal to a rebuild', async () => {
  expect((await importContent(db, 'tests/fixtures/content/good')).ok).toBe(true) // gives the tests below demo-quiz
  expect(await quizRollupDrift(db)).toEqual([])
})

it('the rebuild repairs a roll-up that drifted (a row changed, a row removed), and the check names the drift', async () => {
  const [first, second] = await db.quizRollup.findMany({ take: 2, orderBy: [{ userId: 'asc' }, { quizId: 'asc' }] })
  await db.quizRollup.update({ where: { userId_quizId: { userId: first.userId, quizId: first.quizId } }, data: { submitted: first.submitted + 7 } })
  await db.quizRollup.delete({ where: { userId_quizId: { userId: second.userId, quizId: second.quizId } } })
  const drift = await quizRollupDrift(db)
  expect(drift).toHaveLength(2)
  expect(drift.join('\n')).toContain(`missing ${second.userId} ${second.quizId}`)
  await rebuildQuizRollups(db)
  expect(await quizRollupDrift(db)).toEqual([])
})

it("a clerk's real submission keeps it equal to a rebuild", async () => {
  const clerk = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: 'clerk07' } })).id))!
  const started = await startAttempt(clerk, 'demo-quiz', at(1))
  if (!started.ok) throw new Error('could not start')
  await submitAttempt(clerk, 'demo-quiz', started.attemptId, {}, at(3))
  expect(await db.quizRollup.findUnique({ where: { userId_quizId: { userId: clerk.id, quizId: 'demo-quiz' } } })).toMatchObject({ lastSubmittedAt: at(3) })
  expect(await quizRollupDrift(db)).toEqual([])
})

const onPostgres = process.env.TEST_DATABASE === 'postgres'
describe.each([
  ...(onPostgres ? [] : [['prepared statements on SQLite', () => sqliteAttemptStore(file)] as const]),
  ["Prisma's typed client", () => prismaAttemptStore(db)] as const,
])('%s', (_name, makeStore: () => AttemptStore) => {
  let store: AttemptStore
  let learner: string
  let serial = 0
  beforeAll(async () => {
    store = makeStore()
    const user = await db.user.create({ data: { username: `rollup-${onPostgres ? 'pg' : _name.length}`, name: 'roll-up learner', passwordHash: 'x' } })
    learner = user.id
  })
  const openAttempts = async (n: number) => {
    const quiz = await db.quiz.findUniqueOrThrow({ where: { id: 'demo-quiz' } })
    return Promise.all(
      Array.from({ length: n }, () =>
        db.attempt.create({ data: { userId: learner, quizId: quiz.id, quizVersionId: quiz.currentVersionId!, seed: 's', status: 'in_progress', openKey: `${learner}:${++serial}`, startedAt: t0 } }),
      ).map(async (a) => (await a).id),
    )
  }
  const record = (passed: boolean, minute: number) => ({ by: 'clerk' as const, at: at(minute), points: passed ? 3 : 1, maxPoints: 3, percent: passed ? 100 : 33, passed, result: '{}' })
  const failIt: RemarkPlan = (attempt) => ({ step: { itemId: 'q1', kind: 'override', payload: '{}' }, quizVersionId: attempt.quizVersionId, points: 0, maxPoints: 3, percent: 0, passed: false, result: '{}' })
  const rollup = () => db.quizRollup.findUnique({ where: { userId_quizId: { userId: learner, quizId: 'demo-quiz' } } })

  it('a close writes the roll-up; a re-mark that turns the only pass into a fail takes the pass away', async () => {
    const [id] = await openAttempts(1)
    expect(await store.close(id, record(true, 10), {}, at(10))).toBe(true)
    expect(await rollup()).toMatchObject({ submitted: 1, passed: true, firstPassedAt: at(10), lastSubmittedAt: at(10) })
    expect(await quizRollupDrift(db)).toEqual([])
    expect((await store.remark(id, failIt, at(11))).outcome).toBe('recorded')
    expect(await rollup()).toMatchObject({ submitted: 1, passed: false, firstPassedAt: null, lastSubmittedAt: at(10) })
    expect(await quizRollupDrift(db)).toEqual([])
  })

  it('50 parallel closes and re-marks for one learner leave the roll-up equal to a rebuild', async () => {
    const before = (await rollup())?.submitted ?? 0
    const submitted = await db.attempt.findMany({ where: { userId: learner, status: 'submitted' }, select: { id: true } })
    const ids = await openAttempts(40)
    const results = await Promise.all([
      ...ids.map((id, i) => store.close(id, record(i % 3 === 0, 20 + i), {}, at(20 + i))),
      ...submitted.flatMap(({ id }) => Array.from({ length: 10 }, () => store.remark(id, failIt, at(70)))),
    ])
    expect(results.filter((r) => r === true)).toHaveLength(40)
    expect(await rollup()).toMatchObject({ submitted: before + 40, passed: true, firstPassedAt: at(20), lastSubmittedAt: at(59) })
    expect(await quizRollupDrift(db)).toEqual([])
  })

  it('closes in any order (a deadline close dated before a later submission) add up to the rebuild: first pass, last submission', async () => {
    const before = (await rollup())?.submitted ?? 0
    const [late, early, middle] = await openAttempts(3)
    expect(await store.close(late, record(false, 90), {}, at(90))).toBe(true)
    expect(await store.close(early, record(true, 80), {}, at(80))).toBe(true) // closed at its deadline, earlier
    expect(await store.close(middle, record(true, 85), {}, at(85))).toBe(true)
    expect(await store.close(middle, record(true, 86), {}, at(86))).toBe(false) // closed once: not counted twice
    expect(await rollup()).toMatchObject({ submitted: before + 3, passed: true, lastSubmittedAt: at(90) })
    expect(await quizRollupDrift(db)).toEqual([])
  })
})
