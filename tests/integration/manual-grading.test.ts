// Trainer overrides and regrade on a real SQLite file: the override is logged and seen by the clerk, 50 parallel
// overrides of one answer end consistent with the log, a regrade after an item changed rescores every attempt
// and keeps the overrides, and attempts outside a manager's scope are refused.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { importContent } from '~/server/content/import.server'
import { freeTextAnswers, overrideMark, regradeQuiz } from '~/server/manual-grading.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { submitAttempt } from '~/server/quiz-answers.server'
import { attemptPage, startAttempt } from '~/server/quiz-attempts.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { outcome } from '../session'

let db: PrismaClient
let content: string
const t0 = new Date('2026-11-25T02:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
const people: Record<string, SessionUser> = {}

const TEXT_ITEM = `
  - id: q-text
    type: text
    module: intro
    points: 2
    prompt: 客户走到柜台前，你正在收尾上一笔业务。写出你说的话。
    elements:
      - says: 问候客户
        examples: [您好]
      - says: 请客户稍坐或稍等
        examples: [请坐, 稍等]
    modelAnswers: [您好，请稍坐]
    feedback: 问候并请客户稍坐。
`

async function user(username: string) {
  return (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!
}

async function submitText(clerk: SessionUser, text: string, when: Date) {
  const start = await startAttempt(clerk, 'demo-quiz', when)
  if (!start.ok) throw new Error('cannot start')
  const submitted = await submitAttempt(clerk, 'demo-quiz', start.attemptId, { 'q-text': text }, when)
  if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors))
  return start.attemptId
}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: t0 })
  content = mkdtempSync(path.join(tmpdir(), 'lang-content-'))
  cpSync('tests/fixtures/content/good', content, { recursive: true })
  const quizFile = path.join(content, 'quizzes/demo-quiz.yaml')
  writeFileSync(quizFile, readFileSync(quizFile, 'utf8').trimEnd() + '\n' + TEXT_ITEM)
  const imported = await importContent(db, content)
  expect(imported).toMatchObject({ ok: true })
  for (const u of ['clerk01', 'clerk02', 'clerk03', 'trainer01']) people[u] = await user(u)
})
afterAll(() => db.$disconnect())

it('an override is kept in the step log; the clerk sees the new mark and the reason', async () => {
  const attemptId = await submitText(people.clerk01, '您好', t0)
  const before = await attemptPage(people.clerk01, 'demo-quiz', attemptId, at(1))
  expect(before.status === 'submitted' && before.review.items.find((i) => i.itemId === 'q-text')?.points).toBe(1)

  const answers = await freeTextAnswers(people.trainer01, 'demo-quiz')
  expect(answers.find((a) => a.attemptId === attemptId)).toMatchObject({ text: '您好', points: 1, maxPoints: 2, missing: ['请客户稍坐或稍等'], override: null })

  const result = await overrideMark(people.trainer01, 'demo-quiz', attemptId, { itemId: 'q-text', points: 2, reason: '客户已坐下，无需再请坐' }, at(2))
  expect(result.ok).toBe(true)
  const after = await attemptPage(people.clerk01, 'demo-quiz', attemptId, at(3))
  if (after.status !== 'submitted') throw new Error('not submitted')
  expect(after.review.items.find((i) => i.itemId === 'q-text')).toMatchObject({ points: 2, correct: true })
  expect(after.review).toMatchObject({ overrides: { 'q-text': { points: 2, reason: '客户已坐下，无需再请坐', autoPoints: 1 } } })
  const steps = await db.attemptStep.findMany({ where: { attemptId, kind: 'override' } })
  expect(steps.map((step) => JSON.parse(step.payload))).toEqual([expect.objectContaining({ itemId: 'q-text', points: 2, reason: '客户已坐下，无需再请坐' })])
  const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  expect(stored.points).toBe(after.review.points)
})

it('refuses a mark over the item maximum, an unknown item, and an attempt outside the manager’s scope', async () => {
  const attemptId = (await db.attempt.findFirstOrThrow({ where: { userId: people.clerk01.id, status: 'submitted' } })).id
  expect(await overrideMark(people.trainer01, 'demo-quiz', attemptId, { itemId: 'q-text', points: 3, reason: '加分' }, at(4))).toEqual({ ok: false, error: 'at most 2 points' })
  expect(await overrideMark(people.trainer01, 'demo-quiz', attemptId, { itemId: 'nope', points: 1, reason: '加分' }, at(4))).toEqual({ ok: false, error: 'no such item in this attempt' })
  const clerkHall = (await db.user.findUniqueOrThrow({ where: { id: people.clerk01.id }, select: { hall: { select: { path: true } } } })).hall!.path
  const grants = await db.roleGrant.findMany({ where: { role: 'manager' }, select: { user: { select: { username: true } }, unit: { select: { path: true } } } })
  const outsider = grants.find((g) => g.unit && !clerkHall.startsWith(g.unit.path))!
  const manager = await user(outsider.user.username)
  expect(await outcome(() => overrideMark(manager, 'demo-quiz', attemptId, { itemId: 'q-text', points: 0, reason: '越权' }, at(4)))).toMatchObject({ status: 404 })
})

it('50 parallel overrides of one answer end consistent with the newest step in the log', async () => {
  const attemptId = await submitText(people.clerk02, '您好', t0)
  const marks = Array.from({ length: 50 }, (_, i) => (i % 5) * 0.5)
  const results = await Promise.all(marks.map((points, i) => overrideMark(people.trainer01, 'demo-quiz', attemptId, { itemId: 'q-text', points, reason: `第 ${i} 次复核` }, at(5))))
  expect(results.every((r) => r.ok)).toBe(true)
  const steps = await db.attemptStep.findMany({ where: { attemptId, kind: 'override' }, orderBy: { id: 'asc' } })
  expect(steps).toHaveLength(50)
  const newest = JSON.parse(steps[steps.length - 1].payload) as { points: number; reason: string }
  const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  const review = JSON.parse(stored.result!) as { items: { itemId: string; points: number }[]; overrides: Record<string, { points: number; reason: string; autoPoints: number }> }
  expect(review.overrides['q-text']).toMatchObject({ points: newest.points, reason: newest.reason, autoPoints: 1 })
  expect(review.items.find((i) => i.itemId === 'q-text')?.points).toBe(newest.points)
  expect(stored.points).toBe(review.items.reduce((sum, item) => sum + item.points, 0))
})

it('50 parallel copies of one override (a double-sent form) are recorded once', async () => {
  const attemptId = await submitText(people.clerk03, '您好', t0)
  const input = { itemId: 'q-text', points: 1.5, reason: '请坐的意思已表达' }
  const results = await Promise.all(Array.from({ length: 50 }, () => overrideMark(people.trainer01, 'demo-quiz', attemptId, input, at(6))))
  expect(results.every((r) => r.ok && r.review.overrides?.['q-text']?.points === 1.5)).toBe(true)
  expect(await db.attemptStep.count({ where: { attemptId, kind: 'override' } })).toBe(1)
  const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  expect(stored.points).toBe((JSON.parse(stored.result!) as { points: number }).points)
  // a different mark for the same answer is a new step
  expect(await overrideMark(people.trainer01, 'demo-quiz', attemptId, { ...input, points: 2 }, at(7))).toMatchObject({ ok: true })
  expect(await db.attemptStep.count({ where: { attemptId, kind: 'override' } })).toBe(2)
})

it('regrade after an item changed rescores every attempt on the new version and keeps overrides', async () => {
  const quizFile = path.join(content, 'quizzes/demo-quiz.yaml')
  // the item now also accepts 请稍候 and asks for one more element
  writeFileSync(quizFile, readFileSync(quizFile, 'utf8').replace('examples: [请坐, 稍等]', 'examples: [请坐, 稍等, 请稍候]\n      - says: 说明马上办理\n        examples: [马上为您办理]').replace('modelAnswers: [您好，请稍坐]', 'modelAnswers: [您好，请稍坐，我马上为您办理]'))
  expect(await importContent(db, content)).toMatchObject({ ok: true })
  const summary = await regradeQuiz(people.trainer01, 'demo-quiz', at(10))
  expect(summary.failed).toBe(0)
  expect(summary.regraded + summary.unchanged).toBeGreaterThanOrEqual(2)
  const clerk01 = await db.attempt.findFirstOrThrow({ where: { userId: people.clerk01.id, status: 'submitted' } })
  const review = JSON.parse(clerk01.result!) as { items: { itemId: string; points: number; maxPoints: number }[]; overrides: Record<string, { points: number }> }
  // the override (2 points) is kept; the item's automatic score moved to 1 of 3 elements
  expect(review.items.find((i) => i.itemId === 'q-text')).toMatchObject({ points: 2, maxPoints: 2 })
  expect(review.overrides['q-text'].points).toBe(2)
  const current = await db.quiz.findUniqueOrThrow({ where: { id: 'demo-quiz' } })
  expect(clerk01.quizVersionId).toBe(current.currentVersionId)
  expect(await db.attemptStep.count({ where: { attemptId: clerk01.id, kind: 'regrade' } })).toBe(1)
  // a second regrade on the same version changes nothing and logs nothing
  expect(await regradeQuiz(people.trainer01, 'demo-quiz', at(11))).toMatchObject({ regraded: 0, failed: 0 })
  expect(await db.attemptStep.count({ where: { attemptId: clerk01.id, kind: 'regrade' } })).toBe(1)
})
