// The people export's row per learner (LearnerProgress) stays equal to a recount from the two roll-ups after every
// kind of write that changes them: the demo seed with its history, mark-read (once, and 50 in parallel for one
// learner), a published course version, both attempt stores' close and re-mark (once, and 50 in parallel for one
// learner on different quizzes), a clerk's real submission; and the rebuild repairs a row that drifted.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { prismaAttemptStore } from '~/server/attempt-store-prisma.server'
import { sqliteAttemptStore } from '~/server/attempt-store-sqlite.server'
import type { AttemptStore, RemarkPlan } from '~/server/attempt-store.server'
import { importContent } from '~/server/content/import.server'
import { loadModuleForLearner, markModuleRead } from '~/server/courses.server'
import { learnerProgressDrift, rebuildLearnerProgress } from '~/server/learner-progress.server'
import { loadSessionUser } from '~/server/people.server'
import { submitAttempt } from '~/server/quiz-answers.server'
import { startAttempt } from '~/server/quiz-attempts.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useDemoDatabase } from '../database'

let db: PrismaClient
let file: string
const now = new Date('2026-11-25T02:00:00Z')
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
const clerk = async (username: string) => (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!
const progressOf = (userId: string) => db.learnerProgress.findUnique({ where: { userId } })

beforeAll(async () => {
  ;({ db, file } = await useDemoDatabase(now))
  expect((await importContent(db, 'tests/fixtures/content/good')).ok).toBe(true) // the two-module course "demo" and demo-quiz
}, 300_000)
afterAll(() => db.$disconnect())

it('the demo seed with its history leaves every row equal to a recount, and there are rows with passes and reads', async () => {
  expect(await db.learnerProgress.count({ where: { quizzesPassed: { gt: 0 }, readCounts: { not: '' } } })).toBeGreaterThan(0)
  expect(await learnerProgressDrift(db)).toEqual([])
})

it("a clerk's mark-read and 50 parallel mark-reads of one learner keep the row exact", async () => {
  const one = await clerk('clerk07')
  const intro = (await loadModuleForLearner(one, 'demo', 'intro', now)).module.id
  const second = (await loadModuleForLearner(one, 'demo', 'second', now)).module.id
  await markModuleRead(one, 'demo', 'intro', intro, at(1))
  expect((await progressOf(one.id))?.readCounts).toContain('demo:1')
  expect(await learnerProgressDrift(db)).toEqual([])
  await Promise.all(Array.from({ length: 50 }, (_, i) => markModuleRead(one, 'demo', i % 2 ? 'intro' : 'second', i % 2 ? intro : second, at(2))))
  expect(await progressOf(one.id)).toMatchObject({ lastActivityAt: at(2) })
  expect((await progressOf(one.id))?.readCounts).toContain('demo:2')
  expect(await learnerProgressDrift(db)).toEqual([])
})

it('a published version with a changed module recounts the rows of everyone who read it', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ssa-learner-progress-'))
  cpSync('tests/fixtures/content/good', root, { recursive: true })
  const intro = path.join(root, 'courses/demo/intro.mdx')
  writeFileSync(intro, `${readFileSync(intro, 'utf8')}\n\n新增一段：办理业务前先核对身份。\n`)
  expect((await importContent(db, root)).ok).toBe(true)
  expect((await progressOf((await clerk('clerk07')).id))?.readCounts).toContain('demo:1') // intro changed: only second counts
  expect(await learnerProgressDrift(db)).toEqual([])
})

it("a clerk's real submission keeps the row exact", async () => {
  const user = await clerk('clerk08')
  const started = await startAttempt(user, 'demo-quiz', at(3))
  if (!started.ok) throw new Error('could not start')
  await submitAttempt(user, 'demo-quiz', started.attemptId, {}, at(4))
  expect(await progressOf(user.id)).toMatchObject({ lastActivityAt: at(4) })
  expect(await learnerProgressDrift(db)).toEqual([])
})

it('the rebuild repairs a row that drifted (changed, removed), and the check names the drift', async () => {
  const [first, second] = await db.learnerProgress.findMany({ take: 2, orderBy: { userId: 'asc' } })
  await db.learnerProgress.update({ where: { userId: first.userId }, data: { quizzesPassed: first.quizzesPassed + 3 } })
  await db.learnerProgress.delete({ where: { userId: second.userId } })
  const drift = await learnerProgressDrift(db)
  expect(drift).toHaveLength(2)
  expect(drift.join('\n')).toContain(second.userId)
  await rebuildLearnerProgress(db)
  expect(await learnerProgressDrift(db)).toEqual([])
})

const onPostgres = process.env.TEST_DATABASE === 'postgres'

it("the migration's fill of an existing database (the roll-ups there, no rows yet) equals the recount", async () => {
  const migrations = onPostgres ? 'prisma/postgres/migrations' : 'prisma/migrations'
  const dir = readdirSync(migrations).find((name) => name.endsWith('_learner_progress'))!
  const migration = readFileSync(path.join(migrations, dir, 'migration.sql'), 'utf8')
  const fill = migration.slice(migration.indexOf('INSERT INTO "LearnerProgress"'))
  const rows = await db.learnerProgress.count()
  expect(rows).toBeGreaterThan(0)
  await db.learnerProgress.deleteMany({})
  expect(await db.$executeRawUnsafe(fill)).toBe(rows)
  expect(await learnerProgressDrift(db)).toEqual([])
})

describe.each([
  ...(onPostgres ? [] : [['prepared statements on SQLite', () => sqliteAttemptStore(file)] as const]),
  ["Prisma's typed client", () => prismaAttemptStore(db)] as const,
])('%s', (name, makeStore: () => AttemptStore) => {
  let store: AttemptStore
  let learner: string
  let serial = 0
  const quizIds: string[] = []
  beforeAll(async () => {
    store = makeStore()
    learner = (await db.user.create({ data: { username: `progress-${name.length}`, name: 'progress learner', passwordHash: 'x' } })).id
    quizIds.push(...(await db.quiz.findMany({ where: { currentVersionId: { not: null } }, select: { id: true }, take: 5 })).map((q) => q.id))
  })
  const openAttempts = async (n: number) => {
    const quizzes = await db.quiz.findMany({ where: { id: { in: quizIds } }, select: { id: true, currentVersionId: true } })
    const opened = []
    for (let i = 0; i < n; i++) {
      const quiz = quizzes[i % quizzes.length]
      opened.push((await db.attempt.create({ data: { userId: learner, quizId: quiz.id, quizVersionId: quiz.currentVersionId!, seed: 's', status: 'in_progress', openKey: `${learner}:${++serial}`, startedAt: now } })).id)
    }
    return opened
  }
  const record = (passed: boolean, minute: number) => ({ by: 'clerk' as const, at: at(minute), points: passed ? 3 : 1, maxPoints: 3, percent: passed ? 100 : 33, passed, result: '{}' })
  const failIt: RemarkPlan = (attempt) => ({ step: { itemId: 'q1', kind: 'override', payload: '{}' }, quizVersionId: attempt.quizVersionId, points: 0, maxPoints: 3, percent: 0, passed: false, result: '{}' })

  it('a close adds the pass; a re-mark that fails the only pass takes it away', async () => {
    const [id] = await openAttempts(1)
    expect(await store.close(id, record(true, 10), {}, at(10))).toBe(true)
    expect(await progressOf(learner)).toMatchObject({ quizzesPassed: 1, passedQuizIds: `${quizIds[0]},`, lastActivityAt: at(10) })
    expect(await learnerProgressDrift(db)).toEqual([])
    expect((await store.remark(id, failIt, at(11))).outcome).toBe('recorded')
    expect(await progressOf(learner)).toMatchObject({ quizzesPassed: 0, passedQuizIds: '', lastActivityAt: at(10) })
    expect(await learnerProgressDrift(db)).toEqual([])
  })

  it('50 parallel closes and re-marks for one learner on several quizzes leave the row equal to a recount', async () => {
    const submitted = await db.attempt.findMany({ where: { userId: learner, status: 'submitted' }, select: { id: true } })
    const ids = await openAttempts(45)
    const results = await Promise.all([
      // deadline closes dated before later submissions among them: the later activity wins whatever the order
      ...ids.map((id, i) => store.close(id, record(i % 4 !== 1, 60 - i), {}, at(60 - i))),
      ...submitted.flatMap(({ id }) => Array.from({ length: 5 }, () => store.remark(id, failIt, at(70)))),
    ])
    expect(results.filter((r) => r === true)).toHaveLength(45)
    expect(await progressOf(learner)).toMatchObject({ quizzesPassed: quizIds.length, lastActivityAt: at(60) })
    expect(await learnerProgressDrift(db)).toEqual([])
  })
})
