// The stored result of shape 2 on a real database (decision 0036): a submission stores the score, the responses and
// the written answer's review; every page that reads an attempt's result (the clerk's review, a manager's view of it,
// the trainer's written answers, the statistics, the quality roll-up's facts) shows what it showed when the whole
// review was stored — and a result written before shape 2 still reads the same.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { answersOfSteps } from '~/core/quiz/attempt-steps'
import { parseItemResponses, reviewAttempt, reviewInShownOrder } from '~/core/quiz/quiz'
import { STORED_REVIEW_START } from '~/core/quiz/stored-review'
import { importContent } from '~/server/content/import.server'
import { freeTextAnswers, overrideMark } from '~/server/manual-grading.server'
import { findPerson, loadSessionUser, type SessionUser } from '~/server/people.server'
import { attemptReviewFor } from '~/server/person-record.server'
import { attemptFactsOf } from '~/server/quality-rollup.server'
import { submitAttempt } from '~/server/quiz-answers.server'
import { attemptPage, startAttempt } from '~/server/quiz-attempts.server'
import { quizStatisticsFor } from '~/server/quiz-statistics.server'
import { quizVersionById, quizVersionsFor } from '~/server/quiz-versions.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
const t0 = new Date('2026-11-25T02:00:00Z')
const people: Record<string, SessionUser> = {}

// a written answer beside the demo quiz's choice and dialogue: the one type whose review is kept
const TEXT_ITEM = `
  - id: q-text
    type: text
    module: intro
    points: 2
    prompt: 客户走到柜台前，你正在收尾上一笔业务。写出你说的话。
    forbidden: true
    elements:
      - says: 问候客户
        examples: [您好]
      - says: 请客户稍坐或稍等
        examples: [请坐, 稍等]
    modelAnswers: [您好，请稍坐]
    feedback: 问候并请客户稍坐。
`

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: t0 })
  const content = mkdtempSync(path.join(tmpdir(), 'stored-review-'))
  cpSync('tests/fixtures/content/good', content, { recursive: true })
  const quizFile = path.join(content, 'quizzes/demo-quiz.yaml')
  writeFileSync(quizFile, readFileSync(quizFile, 'utf8').trimEnd() + '\n' + TEXT_ITEM)
  expect(await importContent(db, content)).toMatchObject({ ok: true })
  for (const username of ['clerk01', 'clerk02', 'trainer01']) {
    people[username] = (await loadSessionUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!
  }
})
afterAll(() => db.$disconnect())

async function submitted(clerk: SessionUser, text: string) {
  const start = await startAttempt(clerk, 'demo-quiz', t0)
  if (!start.ok) throw new Error('cannot start')
  expect(await submitAttempt(clerk, 'demo-quiz', start.attemptId, { 'q-text': text }, t0)).toMatchObject({ ok: true })
  return start.attemptId
}

/** The whole review the engine gives for the attempt's logged answers, in the order the attempt showed the items. */
async function wholeReview(attemptId: string) {
  const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  const version = await quizVersionById(row.quizVersionId)
  const steps = await db.attemptStep.findMany({ where: { attemptId }, orderBy: { id: 'asc' } })
  const { saved, recorded } = answersOfSteps(steps)
  const { responses } = parseItemResponses(version.quiz, saved, recorded, { ...version.context, seed: row.seed })
  return reviewAttempt(version.quiz, responses, version.context)
}

/** Everything the pages show of one attempt's result. */
async function pagesOf(attemptId: string, clerk: SessionUser) {
  const page = await attemptPage(clerk, 'demo-quiz', attemptId, t0)
  const manager = await attemptReviewFor(people.trainer01, (await findPerson(clerk.username))!, attemptId)
  const written = (await freeTextAnswers(people.trainer01, 'demo-quiz')).filter((answer) => answer.attemptId === attemptId)
  const statistics = await quizStatisticsFor(people.trainer01.viewer, 'demo-quiz')
  const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  const facts = attemptFactsOf(row, await quizVersionsFor(db, [row.quizVersionId]))
  return { review: page.status === 'submitted' ? page.review : null, manager: manager.page.review, written, figures: statistics.items, facts }
}

it('a submission stores shape 2, without the choice items’ texts and keys, and every page shows the whole review of those answers', async () => {
  const attemptId = await submitted(people.clerk01, '您好，不知道')
  const { result, seed, quizVersionId } = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  expect(result?.startsWith(STORED_REVIEW_START)).toBe(true)
  for (const authored of ['工牌丢了怎么办', '报告值班经理补办后上岗', '先补办再上岗']) expect(result).not.toContain(authored) // from the version
  const whole = await wholeReview(attemptId)
  const quiz = (await quizVersionById(quizVersionId)).quiz
  const pages = await pagesOf(attemptId, people.clerk01)
  const shown = JSON.parse(JSON.stringify({ ...whole, reviews: reviewInShownOrder(quiz, seed, whole.reviews) }))
  expect(pages.review).toEqual(shown)
  expect(pages.manager).toEqual(shown)
  expect(pages.written).toEqual([expect.objectContaining({ text: '您好，不知道', points: 1, maxPoints: 2, missing: ['请客户稍坐或稍等'] })])
  expect(pages.facts?.reviews.find((entry) => entry.itemId === 'q-text')?.review).toMatchObject({ type: 'text', text: '您好，不知道' })
})

it('a result written before shape 2 (the whole review) reads the same on every page, and a re-mark keeps its shape', async () => {
  const attemptId = await submitted(people.clerk02, '您好，请稍等')
  const before = await pagesOf(attemptId, people.clerk02)
  await db.attempt.update({ where: { id: attemptId }, data: { result: JSON.stringify(await wholeReview(attemptId)) } })
  const old = await pagesOf(attemptId, people.clerk02)
  expect(old).toEqual(before)
  expect(await overrideMark(people.trainer01, 'demo-quiz', attemptId, { itemId: 'q-text', points: 1, reason: '语气生硬' }, t0)).toMatchObject({ ok: true })
  const { result } = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  expect(result?.startsWith(STORED_REVIEW_START)).toBe(false)
  expect(JSON.parse(result!)).toMatchObject({ points: 1, overrides: { 'q-text': { points: 1, autoPoints: 2 } } })
})

it('an override of a shape 2 result stays shape 2, shown with the written answer’s review as it was scored', async () => {
  const attemptId = (await db.attempt.findFirstOrThrow({ where: { userId: people.clerk01.id, status: 'submitted' } })).id
  const before = await pagesOf(attemptId, people.clerk01)
  expect(await overrideMark(people.trainer01, 'demo-quiz', attemptId, { itemId: 'q-text', points: 2, reason: '客户已坐下' }, t0)).toMatchObject({ ok: true })
  const { result } = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })
  expect(result?.startsWith(STORED_REVIEW_START)).toBe(true)
  const after = await pagesOf(attemptId, people.clerk01)
  expect(after.review).toMatchObject({ overrides: { 'q-text': { points: 2, autoPoints: 1 } } })
  expect(after.review?.reviews).toEqual(before.review?.reviews)
  expect(after.written).toEqual([expect.objectContaining({ text: '您好，不知道', override: expect.objectContaining({ points: 2, autoPoints: 1 }) })])
})
