// Owns mapping a neutral source question onto one of our quiz item types, or refusing it with the reason.
import { QuizItemSchema, type QuizItem } from '../quiz/registry'
import { isChinese } from './bank-text'
import { refuse, type RefusalReason } from './refusal-reasons'
import type { SourceAnswer, SourcePosition, SourceQuestion } from './source-question'

/** A question that became one of our items; `notes` say where Moodle's scoring could only be approximated. */
export interface MappedQuestion {
  position: SourcePosition
  name?: string
  category?: string
  item: QuizItem
  notes: string[]
}

const isRefusal = (value: unknown): value is RefusalReason => typeof value === 'object' && value !== null && 'code' in value

export type MapOutcome = { ok: true; mapped: MappedQuestion } | { ok: false; reason: RefusalReason }

/** Words we fill in where Moodle leaves a text out and our items require one, in the question's language. */
function words(prompt: string) {
  const zh = isChinese(prompt)
  return {
    right: zh ? '正确。' : 'Correct.',
    wrong: zh ? '不正确。' : 'Not correct.',
    truth: zh ? '正确' : 'True',
    falsehood: zh ? '错误' : 'False',
    pairs: (list: string) => (zh ? `正确配对：${list}。` : `Correct pairs: ${list}.`),
    accepted: (list: string) => (zh ? `参考答案：${list}。` : `Accepted answer: ${list}.`),
    separator: zh ? '；' : '; ',
  }
}

const OPTION_IDS = 'abcdefghijklmnopqrstuvwxyz'
const optionId = (index: number) => OPTION_IDS[index] ?? `o${index + 1}`
const near = (a: number, b: number) => Math.abs(a - b) < 0.01

export function mapQuestion(question: SourceQuestion, id: string): MapOutcome {
  const notes: string[] = []
  const draft = draftItem(question, id, notes)
  if (isRefusal(draft.reason)) return { ok: false, reason: draft.reason }
  const parsed = QuizItemSchema.safeParse(draft)
  if (!parsed.success) {
    // the item schema's own words (as content:check shows them for a quiz file)
    const detail = parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message].filter(Boolean).join('：')).join('；')
    return { ok: false, reason: refuse('item-invalid', { detail }) }
  }
  const { position, name, category } = question
  return { ok: true, mapped: { position, name, category, item: parsed.data, notes } }
}

function draftItem(question: SourceQuestion, id: string, notes: string[]): Record<string, unknown> {
  const say = words(question.prompt)
  const base = { id, points: question.points ?? 1, prompt: question.prompt }
  const feedback = question.generalFeedback ? { feedback: question.generalFeedback } : {}
  switch (question.kind) {
    case 'truefalse':
      return {
        ...base,
        type: 'single',
        ...feedback,
        options: [
          { id: 'true', text: say.truth, ...(question.correct ? { correct: true } : {}), feedback: question.feedbackTrue ?? (question.correct ? say.right : say.wrong) },
          { id: 'false', text: say.falsehood, ...(question.correct ? {} : { correct: true }), feedback: question.feedbackFalse ?? (question.correct ? say.wrong : say.right) },
        ],
      }
    case 'choice':
      return question.single ? singleDraft(question.answers, base, feedback, notes, say) : multipleDraft(question, base, feedback, notes, say)
    case 'short':
      return textDraft(question.answers, base, question.generalFeedback, notes, say)
    case 'matching': {
      const distractor = question.pairs.find((pair) => pair.left === '')
      if (distractor) return { reason: refuse('matching-distractor', { right: distractor.right }) }
      const pairs = question.pairs.map((pair, index) => ({ id: `p${index + 1}`, ...pair }))
      const list = pairs.map((pair) => `${pair.left} → ${pair.right}`).join(say.separator)
      return { ...base, type: 'matching', pairs, feedback: question.generalFeedback ?? say.pairs(list) }
    }
  }
}

type Words = ReturnType<typeof words>
type Base = { id: string; points: number; prompt: string }

function singleDraft(answers: SourceAnswer[], base: Base, feedback: object, notes: string[], say: Words) {
  const partial = answers.filter((answer) => answer.fraction > 0 && answer.fraction < 100)
  if (partial.length > 0) notes.push(`部分得分的选项（${partial.map((a) => `${a.fraction}%`).join('、')}）按错误选项计：我们的单选题只判对错`)
  if (answers.some((answer) => answer.fraction < 0)) notes.push('负分选项按 0 分计：我们的单选题不扣分')
  const options = answers.map((answer, index) => ({
    id: optionId(index),
    text: answer.text,
    ...(answer.fraction >= 100 ? { correct: true } : {}),
    feedback: answer.feedback ?? (answer.fraction >= 100 ? say.right : say.wrong),
  }))
  return { ...base, type: 'single', ...feedback, options }
}

function multipleDraft(question: SourceQuestion & { kind: 'choice' }, base: Base, feedback: object, notes: string[], say: Words) {
  const { answers } = question
  const correct = answers.filter((answer) => answer.fraction > 0)
  // Our partial scoring equals Moodle's weights exactly when each right option is worth 100/k and each wrong one −100/k.
  const share = 100 / Math.max(1, correct.length)
  const exact = answers.every((answer) => near(answer.fraction, answer.fraction > 0 ? share : -share))
  if (!question.allOrNothing && !exact) {
    notes.push(`权重（${answers.map((a) => `${a.fraction}%`).join('、')}）按我们的部分得分规则换算：每个正确选项得 1/${correct.length}，每个错误选项扣 1/${correct.length}，最低 0 分`)
  }
  const options = answers.map((answer, index) => ({
    id: optionId(index),
    text: answer.text,
    ...(answer.fraction > 0 ? { correct: true } : {}),
    feedback: answer.feedback ?? (answer.fraction > 0 ? say.right : say.wrong),
  }))
  return { ...base, type: 'multiple', scoring: question.allOrNothing ? 'all-or-nothing' : 'partial', ...feedback, options }
}

/** Moodle matches the whole answer (`*` = anything); our text item asks that each group's wording appear in it. */
function textDraft(answers: SourceAnswer[], base: Base, generalFeedback: string | undefined, notes: string[], say: Words) {
  const partial = answers.find((answer) => answer.fraction > 0 && answer.fraction < 100)
  if (partial) return { reason: refuse('short-partial', { text: partial.text, fraction: partial.fraction }) }
  const ignored = answers.filter((answer) => answer.fraction <= 0)
  if (ignored.length > 0) notes.push(`不得分的答案（${ignored.map((a) => a.text).join('、')}）只用于 Moodle 的反馈，未导入`)
  const accepted = answers.filter((answer) => answer.fraction >= 100).map((answer) => answer.text.replace(/^\*+|\*+$/g, '').trim())
  if (accepted.length === 0 || accepted.some((text) => text === '')) return { reason: refuse('short-only-wildcard') }
  const wildcarded = accepted.filter((text) => text.includes('*'))
  let required: string[][]
  if (wildcarded.length === 0) required = [accepted]
  else if (accepted.length === 1) required = accepted[0].split('*').map((part) => part.trim()).filter(Boolean).map((part) => [part])
  else return { reason: refuse('short-wildcard-and-others', { text: wildcarded[0]! }) }
  const list = required.map((group) => group.join(' / ')).join(say.separator)
  return { ...base, type: 'text', required, feedback: generalFeedback ?? say.accepted(list) }
}

/** A single choice that came from a true/false question (ids true/false, our words): exported as true/false again. */
export function trueFalseOf(item: QuizItem): { correct: boolean; feedbackTrue: string; feedbackFalse: string } | null {
  if (item.type !== 'single' || item.options.length !== 2) return null
  const [truth, falsehood] = item.options
  const say = words(item.prompt)
  if (truth.id !== 'true' || falsehood.id !== 'false' || truth.text !== say.truth || falsehood.text !== say.falsehood) return null
  return { correct: truth.correct === true, feedbackTrue: truth.feedback, feedbackFalse: falsehood.feedback }
}

/** Moodle's weight for each option of a multiple choice: +100/k right, −100/k wrong (our partial scoring exactly). */
export function multipleWeights(item: QuizItem & { type: 'multiple' }): number[] {
  const share = 100 / item.options.filter((option) => option.correct).length
  return item.options.map((option) => Number((option.correct ? share : -share).toFixed(5)))
}
