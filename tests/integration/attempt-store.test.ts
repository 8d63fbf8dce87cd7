// The attempt store's two paths, held to one contract on a real database: prepared statements on SQLite (what the
// app uses on SQLite; on the PostgreSQL run there is no SQLite file, so only Prisma's path runs) and Prisma's typed
// client (what it uses on PostgreSQL). Each write checks and writes in one
// transaction, so 50 parallel writes from one state land once.
import { answersOfSteps, currentOfSteps, SUBMITTED_ANSWERS } from '~/core/quiz/attempt-steps'
import { importContent } from '~/server/content/import.server'
import { prismaAttemptStore } from '~/server/attempt-store-prisma.server'
import { sqliteAttemptStore } from '~/server/attempt-store-sqlite.server'
import type { AttemptStore } from '~/server/attempt-store.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
let file: string
const t0 = new Date('2026-11-25T02:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

beforeAll(async () => {
  ;({ db, file } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: t0 })
  expect((await importContent(db, 'tests/fixtures/content/good')).ok).toBe(true)
})
afterAll(() => db.$disconnect())

let serial = 0
async function openAttempt(): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { username: `clerk${String(++serial).padStart(2, '0')}` } })
  const quiz = await db.quiz.findUniqueOrThrow({ where: { id: 'demo-quiz' } })
  const attempt = await db.attempt.create({
    data: { userId: user.id, quizId: quiz.id, quizVersionId: quiz.currentVersionId!, seed: 's', status: 'in_progress', openKey: `${user.id}:x${serial}`, startedAt: t0, deadline: at(15) },
  })
  return attempt.id
}

const record = { by: 'clerk' as const, at: at(5), points: 1, maxPoints: 3, percent: 33.33, passed: false, result: '{"points":1}' }

const onPostgres = process.env.TEST_DATABASE === 'postgres'
describe.each([
  ...(onPostgres ? [] : [['prepared statements on SQLite', () => sqliteAttemptStore(file)] as const]),
  ["Prisma's typed client", () => prismaAttemptStore(db)] as const,
])('%s', (_name, makeStore: () => AttemptStore) => {
  let store: AttemptStore
  beforeAll(() => {
    store = makeStore()
  })

  it('reads an attempt with its dates, as Prisma wrote them', async () => {
    const id = await openAttempt()
    expect(await store.attempt(id)).toMatchObject({ id, status: 'in_progress', startedAt: t0, deadline: at(15), submittedAt: null, result: null })
    expect(await store.attempt('no-such-attempt')).toBeNull()
  })

  it('logs only answers that changed, each at the time passed in, readable by Prisma', async () => {
    const id = await openAttempt()
    expect(await store.appendAnswers(id, { q1: 'o1' }, at(1))).toBe(1)
    expect(await store.appendAnswers(id, { q1: 'o1', q3: ['x', 'y'] }, at(2))).toBe(1)
    expect(await store.appendAnswers(id, { q1: 'o2' }, at(3))).toBe(1)
    const steps = await db.attemptStep.findMany({ where: { attemptId: id }, orderBy: { id: 'asc' }, select: { itemId: true, payload: true, createdAt: true } })
    expect(steps).toEqual([
      { itemId: 'q1', payload: '"o1"', createdAt: at(1) },
      { itemId: 'q3', payload: '["x","y"]', createdAt: at(2) },
      { itemId: 'q1', payload: '"o2"', createdAt: at(3) },
    ])
    expect(await store.steps(id)).toEqual(steps.map(({ itemId, payload }) => ({ itemId, kind: 'answer', payload })))
  })

  it('a close logs the sent answers that differ from each latest as one step, in the order sent, however many', async () => {
    const id = await openAttempt()
    await store.appendAnswers(id, { q1: 'o1', q3: ['x'] }, at(1))
    await store.appendAnswers(id, { q1: 'o2' }, at(2)) // q1's latest is o2 now; its earlier o1 is not
    expect(await store.appendReply(id, 'q2', 'r1', 0, at(2))).toBe('recorded') // a reply is no answer
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`m${i}`, `v${i}`]))
    const sent = { q1: 'o1', q3: ['x'], q2: 'typed', ...many }
    expect(await store.close(id, record, sent, at(5))).toBe(true)
    const logged = await db.attemptStep.findMany({ where: { attemptId: id, createdAt: at(5) }, orderBy: { id: 'asc' }, select: { itemId: true, kind: true, payload: true } })
    expect(logged).toEqual([{ itemId: '', kind: SUBMITTED_ANSWERS, payload: JSON.stringify({ q1: 'o1', q2: 'typed', ...many }) }])
    // the log folds to what was sent: the submission's step over the saves before it
    expect(answersOfSteps(await store.steps(id)).saved).toEqual(sent)
    expect(await store.currentSteps(id)).toEqual(currentOfSteps(await store.steps(id)))
  })

  it('a close that changes no answer logs no step', async () => {
    const id = await openAttempt()
    await store.appendAnswers(id, { q1: 'o1', q3: ['x'] }, at(1))
    expect(await store.close(id, record, { q1: 'o1', q3: ['x'] }, at(5))).toBe(true)
    expect(await db.attemptStep.count({ where: { attemptId: id, createdAt: at(5) } })).toBe(0)
  })

  it("reads the current steps: each item's latest answer and every reply, oldest first, as the whole log folds", async () => {
    const id = await openAttempt()
    await store.appendAnswers(id, { q1: 'o1', q3: ['x'] }, at(1))
    expect(await store.appendReply(id, 'q2', 'r1', 0, at(1))).toBe('recorded')
    await store.appendAnswers(id, { q1: 'o2' }, at(2))
    await store.appendAnswers(id, { q3: ['y'] }, at(2))
    expect(await store.appendReply(id, 'q2', 'r2', 1, at(3))).toBe('recorded')
    await store.appendAnswers(id, { q1: 'o1' }, at(3)) // back to its first answer: the return is the latest
    const all = await store.steps(id)
    expect(all).toHaveLength(7)
    expect(await store.currentSteps(id)).toEqual([
      { itemId: 'q2', kind: 'reply', payload: '"r1"' },
      { itemId: 'q3', kind: 'answer', payload: '["y"]' },
      { itemId: 'q2', kind: 'reply', payload: '"r2"' },
      { itemId: 'q1', kind: 'answer', payload: '"o1"' },
    ])
    expect(await store.currentSteps(id)).toEqual(currentOfSteps(all))
    expect(await store.currentSteps('no-such-attempt')).toEqual([])
  })

  it('closes once under 50 parallel closes; writes after that are refused', async () => {
    const id = await openAttempt()
    const results = await Promise.all(Array.from({ length: 50 }, () => store.close(id, record, { q1: 'o9' }, at(5))))
    expect(results.filter(Boolean)).toHaveLength(1)
    const closed = await db.attempt.findUniqueOrThrow({ where: { id } })
    expect(closed).toMatchObject({ status: 'submitted', openKey: null, submittedAt: at(5), closedBy: 'clerk', points: 1, passed: false, result: '{"points":1}' })
    expect(await db.attemptStep.count({ where: { attemptId: id } })).toBe(1)
    expect(await store.appendAnswers(id, { q1: 'o3' }, at(6))).toBe('closed')
    expect(await store.appendReply(id, 'q2', 'r1', 0, at(6))).toBe('closed')
  })

  it('of 50 parallel replies chosen on one state, one is recorded and the rest are stale', async () => {
    const id = await openAttempt()
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.appendReply(id, 'q2', `r${i}`, 0, at(1))))
    expect(results.filter((r) => r === 'recorded')).toHaveLength(1)
    expect(results.filter((r) => r === 'stale')).toHaveLength(49)
    expect(await store.appendReply(id, 'q2', 'next', 1, at(2))).toBe('recorded')
  })

  it("a per-item save logs a change, not a repeat, and a return to a former answer; nothing once closed", async () => {
    const id = await openAttempt()
    expect(await store.appendAnswers(id, { q1: 'o1' }, at(1))).toBe(1)
    expect(await store.appendAnswers(id, { q1: 'o1' }, at(2))).toBe(0)
    expect(await store.appendAnswers(id, { q3: ['x'] }, at(2))).toBe(1) // another item's latest does not count
    expect(await store.appendAnswers(id, { q1: 'o2' }, at(3))).toBe(1)
    expect(await store.appendAnswers(id, { q1: 'o1' }, at(4))).toBe(1)
    expect(await store.steps(id)).toEqual(['"o1"', '["x"]', '"o2"', '"o1"'].map((payload, i) => ({ itemId: i === 1 ? 'q3' : 'q1', kind: 'answer', payload })))
    expect(await store.close(id, record, {}, at(5))).toBe(true)
    expect(await store.appendAnswers(id, { q1: 'o3' }, at(6))).toBe('closed')
    expect(await store.appendAnswers(id, { q1: 'o2' }, at(6))).toBe('closed') // differs from the latest: still closed
    expect(await store.appendAnswers(id, { q1: 'o1' }, at(6))).toBe('closed') // the same as the latest: closed, not 0
    expect(await db.attemptStep.count({ where: { attemptId: id } })).toBe(4)
  })

  it('50 parallel saves of one answer log it once', async () => {
    const id = await openAttempt()
    const results = await Promise.all(Array.from({ length: 50 }, () => store.appendAnswers(id, { q1: 'same' }, at(1))))
    expect(results.filter((r) => r === 1)).toHaveLength(1)
    expect(await db.attemptStep.count({ where: { attemptId: id } })).toBe(1)
  })

  it('re-marks only a submitted attempt; of 50 parallel re-marks planned on one log, one is written', async () => {
    const id = await openAttempt()
    // writes an override unless the log already has one, keeping the attempt's version
    const planned = (row: { quizVersionId: string }, steps: readonly { kind: string }[]) =>
      steps.some((step) => step.kind === 'override')
        ? null
        : { step: { itemId: 'q1', kind: 'override' as const, payload: '{"points":3}' }, quizVersionId: row.quizVersionId, points: 3, maxPoints: 3, percent: 100, passed: true, result: '{"points":3}' }
    expect(await store.remark(id, planned, at(6))).toEqual({ outcome: 'not-submitted' })
    expect(await store.remark('no-such-attempt', planned, at(6))).toEqual({ outcome: 'not-submitted' })
    expect(await store.close(id, record, {}, at(5))).toBe(true)
    const { quizVersionId } = await db.attempt.findUniqueOrThrow({ where: { id } })
    const results = await Promise.all(Array.from({ length: 50 }, () => store.remark(id, planned, at(7))))
    expect(results.filter((r) => r.outcome === 'recorded')).toHaveLength(1)
    expect(results.filter((r) => r.outcome === 'unchanged')).toHaveLength(49)
    expect(results.every((r) => r.outcome !== 'not-submitted' && r.result === '{"points":3}')).toBe(true)
    expect(await db.attempt.findUniqueOrThrow({ where: { id } })).toMatchObject({ quizVersionId, status: 'submitted', points: 3, percent: 100, passed: true, result: '{"points":3}' })
    const steps = await db.attemptStep.findMany({ where: { attemptId: id, kind: 'override' }, select: { itemId: true, payload: true, createdAt: true } })
    expect(steps).toEqual([{ itemId: 'q1', payload: '{"points":3}', createdAt: at(7) }])
  })
})

it.skipIf(onPostgres)('on SQLite, 50 parallel per-item saves and a close from two connections: each save lands before the close or is refused', async () => {
  const [one, two] = [sqliteAttemptStore(file), sqliteAttemptStore(file)]
  const id = await openAttempt()
  const saves = Array.from({ length: 50 }, (_, i) => (i % 2 ? one : two).appendAnswers(id, { q1: `o${i % 5}` }, at(1)))
  const closing = one.close(id, record, {}, at(2))
  const results = await Promise.all([...saves, closing])
  expect(results.at(-1)).toBe(true)
  const logged = results.slice(0, -1).filter((r) => r === 1).length
  expect(await db.attemptStep.count({ where: { attemptId: id } })).toBe(logged)
  const steps = await one.steps(id)
  steps.slice(1).forEach((step, i) => expect(step.payload).not.toBe(steps[i].payload)) // no repeat logged in a row
})

it.skipIf(onPostgres)('on SQLite, a step written leaves sqlite_sequence alone: AttemptStep has no AUTOINCREMENT (decision 0050)', async () => {
  const store = sqliteAttemptStore(file)
  const id = await openAttempt()
  expect(await store.appendAnswers(id, { q1: 'o1' }, at(1))).toBe(1)
  const sequence = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_sequence WHERE name = 'AttemptStep'`)
  expect(sequence).toEqual([]) // with AUTOINCREMENT every insert rewrites this row: a page more a save
  // and a new step's id is still after every earlier one, so the log keeps its order
  expect(await store.appendAnswers(id, { q1: 'o2' }, at(2))).toBe(1)
  const ids = await db.attemptStep.findMany({ where: { attemptId: id }, orderBy: { id: 'asc' }, select: { payload: true } })
  expect(ids.map((s) => s.payload)).toEqual(['"o1"', '"o2"'])
})
