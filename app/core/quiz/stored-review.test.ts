// Tests for the stored result of shape 2 (decision 0036): what a page derives from it is the review the submission
// scored, item by item; it holds no prompt, option or right answer; kept reviews and overrides survive; results
// written before it read as they are.
import { compilePhraseList } from '../phrases'
import { itemSeed } from './item-type'
import { applyOverrides } from './manual-grading'
import { parseResponses, QuizSchema, reviewAttempt, type Quiz, type QuizResponses } from './quiz'
import { opaqueId } from './shuffle'
import { reviewOfStored, reviewToStore, STORED_REVIEW_START, storedResponses, storedReviewOf } from './stored-review'
import { everyTypeQuizSource, scenarios, scoringContext } from './test-fixtures'

const quiz: Quiz = QuizSchema.parse(everyTypeQuizSource())
const seed = 'attempt-seed'
const o = (itemId: string, id: string) => opaqueId(itemSeed(seed, itemId), id)
const responsesOf = (answers: Record<string, unknown>, recorded: Record<string, string[]> = {}): QuizResponses => {
  const parsed = parseResponses(quiz, answers, recorded, { scenarios, seed })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.responses
}
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown // what a read of the column gives

describe('reviewOfStored over reviewToStore', () => {
  it.each<{ case: string; answers: Record<string, unknown>; recorded: Record<string, string[]> }>([
    { case: 'every item right, the dialogue on its best path', answers: { q1: o('q1', 'b'), q2: [o('q2', 'a'), o('q2', 'b')], q3: ['x', 'y', 'z'].map((id) => o('q3', id)), q4: { [o('q4', 'left/p1')]: o('q4', 'right/p1'), [o('q4', 'left/p2')]: o('q4', 'right/p2') }, q5: '对不起，请稍等' }, recorded: { q6: ['r1', 'r1'] } },
    { case: 'everything left blank', answers: {}, recorded: {} },
    { case: 'wrong and partial answers, a 服务禁语 written, a dialogue ended badly', answers: { q1: o('q1', 'a'), q2: [o('q2', 'a'), o('q2', 'c')], q3: ['z', 'y', 'x'].map((id) => o('q3', id)), q4: { [o('q4', 'left/p1')]: o('q4', 'right/p2') }, q5: '不知道，急什么' }, recorded: { q6: ['r2'] } },
  ])('$case: the page shows the review the submission scored', ({ answers, recorded }) => {
    const responses = responsesOf(answers, recorded)
    const whole = reviewAttempt(quiz, responses, scoringContext)
    const stored = reviewToStore(quiz, responses, scoringContext)
    expect(reviewOfStored(JSON.stringify(stored), quiz, scoringContext)).toEqual(asStored(whole))
    // the submit's short cut stores what the re-mark's path stores from the whole review
    expect(stored).toEqual(storedReviewOf(quiz, whole, responses))
    expect(JSON.stringify(stored).startsWith(STORED_REVIEW_START) && !JSON.stringify(whole).startsWith(STORED_REVIEW_START)).toBe(true)
  })
})

it('stores no prompt, option text, right answer or feedback: only scores, responses and the written answer’s review', () => {
  const responses = responsesOf({ q1: o('q1', 'a'), q5: '请稍等' })
  const stored = JSON.stringify(reviewToStore(quiz, responses, scoringContext))
  for (const secret of ['工牌丢了', '报告', 'FB-Q1', 'FB-Q2A', '我帮您查', 'FB-Q4', 'FB-Q6']) expect(stored).not.toContain(secret)
  expect(JSON.parse(stored)).toMatchObject({ shape: 2, responses: { q1: { optionId: 'a' }, q5: { text: '请稍等' } }, kept: { q5: { type: 'text', text: '请稍等' } } })
  expect(stored.length).toBeLessThan(JSON.stringify(reviewAttempt(quiz, responses, scoringContext)).length / 2)
})

it('a written answer’s review stays as scored when the 服务禁语 list changes later; the other items are derived again', () => {
  const responses = responsesOf({ q5: '不知道，请稍等' })
  const stored = JSON.stringify(reviewToStore(quiz, responses, scoringContext))
  const laterList = { ...scoringContext, phrases: compilePhraseList({ phrases: [] }) }
  const read = reviewOfStored(stored, quiz, laterList)
  const text = read.reviews.find((entry) => entry.itemId === 'q5')!.review
  expect(text.type === 'text' && text.hits.map((hit) => hit.id)).toEqual(['dont-know'])
  expect(read.items.find((item) => item.itemId === 'q5')?.points).toBe(reviewAttempt(quiz, responses, scoringContext).items[4].points)
})

it('a trainer’s override is stored with the graded points and read back with the automatic mark it replaced', () => {
  const responses = responsesOf({ q5: '请稍等' })
  const graded = applyOverrides(reviewAttempt(quiz, responses, scoringContext), [{ itemId: 'q5', points: 1, reason: '已致歉', by: '李老师', at: '2026-03-01T02:00:00.000Z' }], quiz.passMark)
  const stored = storedReviewOf(quiz, graded, responses)
  expect(reviewOfStored(JSON.stringify(stored), quiz, scoringContext)).toEqual(asStored(graded))
  expect(storedResponses(asStored(stored) as typeof stored).byItemId).toEqual(responses.byItemId)
})

it('a result written before shape 2 (the whole review) reads as it is, whatever the version says now', () => {
  const whole = JSON.stringify(reviewAttempt(quiz, responsesOf({ q1: o('q1', 'b') }), scoringContext))
  const renamed = QuizSchema.parse({ ...everyTypeQuizSource(), items: everyTypeQuizSource().items.map((item) => ({ ...item, prompt: item.type === 'scenario' ? undefined : '改过的题干' })) })
  expect(reviewOfStored(whole, renamed, scoringContext)).toEqual(JSON.parse(whole))
})
