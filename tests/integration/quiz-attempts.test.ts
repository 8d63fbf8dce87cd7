// Attempts on a real SQLite file: start and resume, autosave, dialogue turns, submit exactly once (also under
// 50 parallel submits), limits and delay, the deadline, malformed answers and other people's attempts.
import { importContent } from '~/server/content/import.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { replyInScenario, saveAnswers, submitAttempt } from '~/server/quiz-answers.server'
import { attemptPage, closeExpiredAttempts, quizOverview, startAttempt } from '~/server/quiz-attempts.server'
import { passedQuizIds } from '~/server/courses.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { QuizItemView } from '~/core/quiz/registry'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { outcome } from '../session'

let db: PrismaClient
const t0 = new Date('2026-11-25T02:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
const people: Record<string, SessionUser> = {}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: t0 })
  const imported = await importContent(db, 'tests/fixtures/content/good')
  expect(imported.ok).toBe(true)
  for (const u of ['clerk01', 'clerk02', 'clerk03', 'clerk04', 'clerk05']) {
    people[u] = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username: u } })).id))!
  }
})
afterAll(() => db.$disconnect())

type Single = Extract<QuizItemView, { type: 'single' }>
type Dialogue = Extract<QuizItemView, { type: 'scenario' }>

async function openPage(user: SessionUser, attemptId: string, now: Date) {
  const page = await attemptPage(user, 'demo-quiz', attemptId, now)
  if (page.status !== 'in_progress') throw new Error('attempt is closed')
  const single = page.view.items.find((i) => i.type === 'single') as Single
  const dialogue = page.view.items.find((i) => i.type === 'scenario') as Dialogue
  return { page, single, dialogue }
}

/** The opaque id of the option or reply whose text contains `text`. */
const optionWith = (item: Single, text: string) => item.options.find((o) => o.text.includes(text))!.id
const replyWith = (item: Dialogue, text: string) => {
  if (item.node.type !== 'turn') throw new Error('dialogue ended')
  return item.node.replies.find((r) => r.text.includes(text))!.id
}

it('start gives a view without keys; a second start resumes the same attempt', async () => {
  const clerk = people.clerk01
  const first = await startAttempt(clerk, 'demo-quiz', t0)
  const again = await startAttempt(clerk, 'demo-quiz', at(1))
  expect(first.ok && again.ok && first.attemptId === again.attemptId).toBe(true)
  const { page } = await openPage(clerk, (first as { attemptId: string }).attemptId, at(1))
  const json = JSON.stringify(page.view)
  for (const secret of ['correct', 'feedback', 'points', '挂牌上岗是硬性要求', '先补办再上岗', 'end-ok', '"b"']) expect(json).not.toContain(secret)
})

it('a dialogue reveals the next customer line only after the reply is recorded, then scores the path', async () => {
  const clerk = people.clerk02
  const start = await startAttempt(clerk, 'demo-quiz', t0)
  const attemptId = (start as { attemptId: string }).attemptId
  let { dialogue, single } = await openPage(clerk, attemptId, t0)
  expect(dialogue.node).toMatchObject({ type: 'turn', customer: '你工号多少？我要记下来。' })
  expect(await replyInScenario(clerk, 'demo-quiz', attemptId, dialogue.id, 'o-made-up', t0)).toEqual({ ok: false, error: 'unknown-reply' })
  expect(await replyInScenario(clerk, 'demo-quiz', attemptId, dialogue.id, replyWith(dialogue, '1023'), t0)).toEqual({ ok: true })
  ;({ dialogue } = await openPage(clerk, attemptId, t0))
  expect(dialogue.node).toMatchObject({ type: 'turn', customer: '那你快点给我办。' })
  expect(dialogue.transcript).toHaveLength(1)
  await replyInScenario(clerk, 'demo-quiz', attemptId, dialogue.id, replyWith(dialogue, '马上为您办理'), t0)
  ;({ dialogue } = await openPage(clerk, attemptId, t0))
  expect(dialogue.node).toMatchObject({ type: 'end', end: 'satisfied' })

  const submitted = await submitAttempt(clerk, 'demo-quiz', attemptId, { q1: optionWith(single, '补办') }, at(2))
  expect(submitted).toMatchObject({ ok: true, review: { points: 3, maxPoints: 3, percent: 100, passed: true } })
  expect(await passedQuizIds(clerk.id)).toEqual(['demo-quiz'])
  const steps = await db.attemptStep.findMany({ where: { attemptId }, orderBy: { id: 'asc' }, select: { kind: true, itemId: true, payload: true } })
  // the two replies, then the answer sent with the submission (the submission's one step of answers)
  expect(steps.map((s) => `${s.kind}:${s.itemId}`)).toEqual(['reply:q2', 'reply:q2', 'answers:'])
  expect(Object.keys(JSON.parse(steps[2].payload) as object)).toEqual(['q1'])
})

it('autosave keeps answers across devices and logs each change; refused values store nothing (400)', async () => {
  const clerk = people.clerk03
  const attemptId = ((await startAttempt(clerk, 'demo-quiz', t0)) as { attemptId: string }).attemptId
  const { single } = await openPage(clerk, attemptId, t0)
  const wrong = optionWith(single, '不戴')
  const right = optionWith(single, '补办')
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: wrong }, t0)).toEqual({ ok: true, saved: 1, invalid: [] })
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: wrong }, t0)).toEqual({ ok: true, saved: 0, invalid: [] })
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: right }, t0)).toEqual({ ok: true, saved: 1, invalid: [] })
  const reopened = await attemptPage(clerk, 'demo-quiz', attemptId, at(1)) // e.g. on the counter PC
  expect(reopened.status === 'in_progress' && reopened.saved).toEqual({ q1: right })

  const before = await db.attemptStep.count({ where: { attemptId } })
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { other: 'x' }, t0)).toMatchObject({ ok: false, errors: [{ itemId: 'other' }] })
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { q2: ['r1'] }, t0)).toMatchObject({ ok: false, errors: [{ itemId: 'q2' }] }) // a dialogue is recorded turn by turn
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: { nested: { deep: 1 } } }, t0)).toMatchObject({ ok: false, errors: [{ itemId: 'q1' }] })
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: 'x'.repeat(5000) }, t0)).toMatchObject({ ok: false, errors: [{ itemId: 'q1' }] })
  expect(await submitAttempt(clerk, 'demo-quiz', attemptId, { q1: 'b' }, t0)).toMatchObject({ ok: false }) // authored ids are not accepted
  expect(await db.attemptStep.count({ where: { attemptId } })).toBe(before)
  expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe('in_progress')
})

it('an answer that does not parse is kept as typed, marked, and never blocks the other items', async () => {
  const clerk = people.clerk03
  const attemptId = ((await startAttempt(clerk, 'demo-quiz', t0)) as { attemptId: string }).attemptId
  const { single } = await openPage(clerk, attemptId, t0)
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: 'o-unknown' }, t0)).toMatchObject({ ok: true, saved: 1, invalid: [{ itemId: 'q1' }] })
  const page = await attemptPage(clerk, 'demo-quiz', attemptId, at(1))
  expect(page.status === 'in_progress' && [page.saved.q1, Object.keys(page.invalid)]).toEqual(['o-unknown', ['q1']])
  // submitting names the item to correct; once corrected, the submission goes through
  expect(await submitAttempt(clerk, 'demo-quiz', attemptId, {}, at(1))).toMatchObject({ ok: false, errors: [{ itemId: 'q1' }] })
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: optionWith(single, '补办') }, at(2))).toEqual({ ok: true, saved: 1, invalid: [] })
  expect(await submitAttempt(clerk, 'demo-quiz', attemptId, {}, at(2))).toMatchObject({ ok: true, review: { points: 1 } })
})

it('each step records the time passed in, not the database clock', async () => {
  const clerk = people.clerk03
  const later = at(30)
  const attemptId = ((await startAttempt(clerk, 'demo-quiz', later)) as { attemptId: string }).attemptId
  const { single } = await openPage(clerk, attemptId, later)
  await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: optionWith(single, '补办') }, at(31))
  const steps = await db.attemptStep.findMany({ where: { attemptId }, select: { createdAt: true } })
  expect(steps.map((step) => step.createdAt)).toEqual([at(31)])
  // a submit sends every answer; the one that did not change since its save is not logged again
  expect(await submitAttempt(clerk, 'demo-quiz', attemptId, { q1: optionWith(single, '补办') }, at(32))).toMatchObject({ ok: true, review: { points: 1 } })
  const after = await db.attemptStep.findMany({ where: { attemptId }, select: { createdAt: true } })
  expect(after.map((step) => step.createdAt)).toEqual([at(31)])
})

it('submitting with items left unanswered scores them as nothing', async () => {
  const clerk = people.clerk02 // first attempt submitted at t0 + 2 min
  const attemptId = ((await startAttempt(clerk, 'demo-quiz', at(60))) as { attemptId: string }).attemptId
  const submitted = await submitAttempt(clerk, 'demo-quiz', attemptId, {}, at(61))
  expect(submitted).toMatchObject({ ok: true, review: { points: 0, maxPoints: 3, passed: false } })
})

it('50 parallel saves of one answer log it once (the check against the latest answer and the write are one transaction)', async () => {
  const clerk = people.clerk05
  const attemptId = ((await startAttempt(clerk, 'demo-quiz', t0)) as { attemptId: string }).attemptId
  const { single } = await openPage(clerk, attemptId, t0)
  const value = optionWith(single, '补办')
  const results = await Promise.all(Array.from({ length: 50 }, () => saveAnswers(clerk, 'demo-quiz', attemptId, { q1: value }, t0)))
  expect(results.filter((r) => r.ok && r.saved === 1)).toHaveLength(1)
  expect(await db.attemptStep.count({ where: { attemptId, kind: 'answer' } })).toBe(1)
})

it('50 parallel submits of one attempt are recorded exactly once, and all get the same result', async () => {
  const clerk = people.clerk04
  const attemptId = ((await startAttempt(clerk, 'demo-quiz', t0)) as { attemptId: string }).attemptId
  const { single } = await openPage(clerk, attemptId, t0)
  const results = await Promise.all(
    Array.from({ length: 50 }, () => submitAttempt(clerk, 'demo-quiz', attemptId, { q1: optionWith(single, '补办') }, at(3))),
  )
  expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1)
  expect(results[0]).toMatchObject({ ok: true, review: { points: 1, maxPoints: 3 } })
  expect(await db.attempt.count({ where: { userId: clerk.id, status: 'submitted' } })).toBe(1)
  expect(await db.attemptStep.findMany({ where: { attemptId }, select: { kind: true } })).toEqual([{ kind: 'answers' }]) // the sent answer, logged once
})

it('refuses a new attempt inside the delay and beyond the limit, saying when the next is allowed', async () => {
  const clerk = people.clerk04 // submitted at t0 + 3 min; quiz: 2 attempts, 10 minutes apart
  expect(await startAttempt(clerk, 'demo-quiz', at(8))).toEqual({ ok: false, reason: 'delay', nextAllowedAt: at(13) })
  const second = await startAttempt(clerk, 'demo-quiz', at(13))
  expect(second.ok).toBe(true)
  await submitAttempt(clerk, 'demo-quiz', (second as { attemptId: string }).attemptId, {}, at(14))
  expect(await startAttempt(clerk, 'demo-quiz', at(60))).toEqual({ ok: false, reason: 'limit', nextAllowedAt: null })
  const overview = await quizOverview(clerk, 'demo-quiz', at(60))
  expect(overview.attempts).toHaveLength(2)
  expect(overview.verdict).toMatchObject({ allowed: false, reason: 'limit' })
})

it('a timed attempt is closed and scored at its deadline even if the clerk never comes back', async () => {
  const clerk = people.clerk05 // 15-minute limit
  const attemptId = ((await startAttempt(clerk, 'demo-quiz', t0)) as { attemptId: string }).attemptId
  const { single } = await openPage(clerk, attemptId, t0)
  await saveAnswers(clerk, 'demo-quiz', attemptId, { q1: optionWith(single, '补办') }, at(2))
  expect(await closeExpiredAttempts(at(14))).toBe(0)
  const due = await db.attempt.count({ where: { status: 'in_progress', deadline: { lte: at(15) } } }) // this one and others left open above
  expect(await closeExpiredAttempts(at(15))).toBe(due)
  const closed = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  expect(closed).toMatchObject({ status: 'submitted', closedBy: 'deadline', points: 1, openKey: null })
  expect(closed.submittedAt).toEqual(at(15))
  expect(await saveAnswers(clerk, 'demo-quiz', attemptId, {}, at(16))).toEqual({ ok: false, closed: true })
})

it("another clerk's attempt is 403, an unknown one 404, an unknown quiz 404", async () => {
  const later = at(120)
  const started = await startAttempt(people.clerk01, 'demo-quiz', later)
  expect(started.ok).toBe(true)
  const mine = (started as { attemptId: string }).attemptId
  expect((await outcome(() => attemptPage(people.clerk02, 'demo-quiz', mine, later))).status).toBe(404)
  expect((await outcome(() => submitAttempt(people.clerk02, 'demo-quiz', mine, {}, later))).status).toBe(404)
  expect((await outcome(() => attemptPage(people.clerk01, 'demo-quiz', 'nope', later))).status).toBe(404)
  expect((await outcome(() => attemptPage(people.clerk01, 'practice-demo-talk', mine, later))).status).toBe(404)
  expect((await outcome(() => startAttempt(people.clerk01, 'no-such-quiz', later))).status).toBe(404)
})
