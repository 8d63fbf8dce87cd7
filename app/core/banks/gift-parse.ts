// Owns reading a GIFT file (Moodle's text format) into neutral source questions, refusing what has no item type.
import { refuse, type RefusalReason } from './refusal-reasons'
import { categoryName, hasImage, textFromFormat, type TextFormat } from './bank-text'
import { giftBlocks, indexOfUnescaped, lastIndexOfUnescaped, splitUnescaped, unescapeGift, type GiftBlock } from './gift-lexer'
import type { SourceAnswer, SourceParse, SourceQuestion } from './source-question'

/** The comment our export writes above an all-or-nothing multiple choice (Moodle ignores comments). */
export const ALL_OR_NOTHING_COMMENT = 'scoring: all-or-nothing'

/** The blank a missing-word question shows where its answers stood in the sentence. */
export const BLANK = '＿＿＿'

type Outcome = { ok: true; question: SourceQuestion } | { ok: false; reason: RefusalReason }
type Head = { name?: string; format: TextFormat; rest: string }

export function parseGift(file: string): SourceParse {
  const result: SourceParse = { questions: [], refused: [] }
  let category: string | undefined
  for (const block of giftBlocks(file)) {
    const [first, ...others] = block.text.split('\n')
    let question = block
    if (first.trim().startsWith('$CATEGORY:')) {
      category = categoryName(first.trim().slice('$CATEGORY:'.length)) || undefined
      if (others.length === 0) continue
      question = { ...block, line: block.line + 1, text: others.join('\n') }
    }
    const outcome = parseQuestion(question, category)
    if (outcome.ok) result.questions.push(outcome.question)
    else result.refused.push({ line: question.line, ...outcome.reason })
  }
  return result
}

function readHead(text: string): Head | { error: RefusalReason } {
  let rest = text.trim()
  let name: string | undefined
  if (rest.startsWith('::')) {
    const end = indexOfUnescaped(rest, '::', 2)
    if (end < 0) return { error: refuse('gift-name-unclosed') }
    name = unescapeGift(rest.slice(2, end)).trim() || undefined
    rest = rest.slice(end + 2).trim()
  }
  const format = /^\[(html|plain|markdown|moodle)\]/i.exec(rest)
  if (format) rest = rest.slice(format[0].length)
  return { name, format: (format?.[1].toLowerCase() ?? 'moodle') as TextFormat, rest }
}

function parseQuestion(block: GiftBlock, category: string | undefined): Outcome {
  const head = readHead(block.text)
  if ('error' in head) return { ok: false, reason: head.error }
  const { rest, format } = head
  const open = indexOfUnescaped(rest, '{')
  if (open < 0) return { ok: false, reason: refuse('gift-no-answer-part') }
  const close = lastIndexOfUnescaped(rest, '}')
  if (close < open) return { ok: false, reason: refuse('gift-brace-unclosed') }
  if (indexOfUnescaped(rest.slice(open + 1, close), '{') >= 0) return { ok: false, reason: refuse('gift-two-answer-sets') }
  const before = rest.slice(0, open)
  const after = rest.slice(close + 1)
  if (hasImage(rest)) return { ok: false, reason: refuse('has-image') }
  const text = (raw: string) => textFromFormat(unescapeGift(raw), format)
  // Missing-word format: answers in the middle of the sentence become a blank the clerk fills in.
  const prompt = after.trim() ? `${text(before)} ${BLANK} ${text(after)}` : text(before)
  const [body, generalFeedback] = splitGeneralFeedback(rest.slice(open + 1, close))
  const common = {
    position: { line: block.line },
    name: head.name,
    category,
    prompt,
    generalFeedback: generalFeedback === undefined ? undefined : text(generalFeedback) || undefined,
    allOrNothing: block.comments.includes(ALL_OR_NOTHING_COMMENT) || undefined,
  }
  return readAnswers(body.trim(), text, common)
}

function splitGeneralFeedback(inside: string): [string, string | undefined] {
  const at = indexOfUnescaped(inside, '####')
  return at < 0 ? [inside, undefined] : [inside.slice(0, at), inside.slice(at + 4)]
}

type Common = Omit<SourceQuestion, 'kind' | 'answers' | 'single' | 'correct' | 'pairs'>

function readAnswers(body: string, text: (raw: string) => string, common: Common): Outcome {
  if (body === '') return { ok: false, reason: refuse('essay') }
  if (body.startsWith('#')) return { ok: false, reason: refuse('numerical') }
  const truefalse = /^(t|true|f|false)(?=\s|#|$)/i.exec(body)
  if (truefalse) {
    const correct = truefalse[1].toLowerCase().startsWith('t')
    const [, wrong, right] = splitUnescaped(body.slice(truefalse[0].length), '#').map((part) => text(part) || undefined)
    // GIFT gives the feedback for a wrong answer first, then for a right one
    return {
      ok: true,
      question: {
        ...common,
        kind: 'truefalse',
        correct,
        feedbackTrue: correct ? right : wrong,
        feedbackFalse: correct ? wrong : right,
      },
    }
  }
  const tokens = answerTokens(body)
  if ('error' in tokens) return { ok: false, reason: tokens.error }
  if (tokens.some((token) => token.marker === '=' && indexOfUnescaped(token.raw, '->') >= 0)) {
    if (tokens.some((token) => token.marker !== '=' || indexOfUnescaped(token.raw, '->') < 0)) {
      return { ok: false, reason: refuse('gift-matching-syntax') }
    }
    const pairs = tokens.map((token) => {
      const at = indexOfUnescaped(token.raw, '->')
      return { left: text(token.raw.slice(0, at)), right: text(token.raw.slice(at + 2)) }
    })
    return { ok: true, question: { ...common, kind: 'matching', pairs } }
  }
  const answers: SourceAnswer[] = []
  for (const token of tokens) {
    const answer = readAnswer(token, text)
    if ('error' in answer) return { ok: false, reason: answer.error }
    answers.push(answer)
  }
  if (!tokens.some((token) => token.marker === '~')) return { ok: true, question: { ...common, kind: 'short', answers } }
  // An `=` answer makes it single choice; only `~` answers with weights make a multiple choice.
  const single = tokens.some((token) => token.marker === '=')
  return { ok: true, question: { ...common, kind: 'choice', answers, single } }
}

type Token = { marker: '=' | '~'; raw: string }

/** The answers of a block: each starts at an unescaped `=` or `~`; nothing may stand before the first. */
function answerTokens(body: string): Token[] | { error: RefusalReason } {
  const starts: number[] = []
  for (let at = 0; at < body.length; at++) {
    if ((body[at] === '=' || body[at] === '~') && indexOfUnescaped(body, body[at], at) === at) starts.push(at)
  }
  if (starts.length === 0) return { error: refuse('gift-answer-start', { text: body.slice(0, 40) }) }
  if (body.slice(0, starts[0]).trim()) return { error: refuse('gift-text-before-answers', { text: body.slice(0, starts[0]).trim().slice(0, 40) }) }
  return starts.map((start, index) => ({
    marker: body[start] as '=' | '~',
    raw: body.slice(start + 1, starts[index + 1] ?? body.length),
  }))
}

function readAnswer(token: Token, text: (raw: string) => string): SourceAnswer | { error: RefusalReason } {
  let raw = token.raw.trimStart()
  let fraction = token.marker === '=' ? 100 : 0
  const weight = /^%(-?\d+(?:\.\d+)?)%/.exec(raw)
  if (raw.startsWith('%') && !weight) return { error: refuse('gift-weight-syntax', { weight: raw.slice(0, 12) }) }
  if (weight) {
    fraction = Number(weight[1])
    if (fraction < -100 || fraction > 100) return { error: refuse('gift-weight-range', { weight: weight[1] }) }
    raw = raw.slice(weight[0].length)
  }
  const [answerText, ...feedback] = splitUnescaped(raw, '#')
  const feedbackText = feedback.length > 0 ? text(feedback.join('#')) : ''
  return { text: text(answerText), fraction, ...(feedbackText ? { feedback: feedbackText } : {}) }
}
