// Table tests for the free-text item: required groups, the 服务禁语 detector (injected), all-or-nothing, schema.
import { text, TEXT_MAX_LENGTH, TextItemSchema } from './text'
import { compilePhraseList } from '../phrases'
import { leakedWords, parseContext, scoringContext, viewContext } from './test-fixtures'

const raw = {
  id: 'queue-reply',
  type: 'text',
  points: 2,
  prompt: '客户问"为什么又要排队"，请写出你的回答',
  required: [
    ['请稍等', '稍等'],
    ['抱歉', '对不起', '不好意思'],
  ],
  forbidden: true,
  feedback: 'ITEM-FB',
}
const item = TextItemSchema.parse(raw)
const lenient = TextItemSchema.parse({ ...raw, forbidden: false })
const hotline = TextItemSchema.parse({ ...raw, required: [['10086']] })

function answer(def: typeof item, value: unknown) {
  const parsed = text.parseResponse(def, value, parseContext())
  if (!parsed.ok) throw new Error(parsed.error)
  return text.score(def, parsed.response, scoringContext)
}

describe('text (older keyword groups): credit per group, a 服务禁语 voids the answer', () => {
  it.each([
    { case: 'both groups', def: item, value: '对不起，请稍等。', points: 2 },
    { case: 'other variants of both groups', def: item, value: '不好意思，稍等一下', points: 2 },
    { case: 'punctuation and spaces inside a variant do not matter', def: item, value: '抱歉，稍 等', points: 2 },
    { case: 'full-width digits match half-width', def: hotline, value: '您可以拨打１００８６', points: 2 },
    { case: 'one group missing: half the credit', def: item, value: '请稍等', points: 1 },
    { case: 'both groups missing', def: item, value: '好的', points: 0 },
    { case: 'both groups but a 服务禁语', def: item, value: '对不起，请稍等，急什么', points: 0 },
    { case: 'a near-miss (unless) is no 禁语', def: item, value: '您不知道也没关系，对不起，请稍等', points: 2 },
    { case: 'the 禁语 when the item does not check it', def: lenient, value: '对不起，请稍等，急什么', points: 2 },
    { case: 'blank', def: item, value: '', points: 0 },
    { case: 'missing', def: item, value: undefined, points: 0 },
  ])('$case → $points', ({ def, value, points }) => {
    const result = answer(def, value)
    expect([result.points, result.correct, result.feedback]).toEqual([points, points === 2 ? true : points === 0 ? false : 'partial', ['ITEM-FB']])
  })
})

const greet = TextItemSchema.parse({
  id: 'greet',
  type: 'text',
  points: 2,
  prompt: '客户走到柜台前，你正在收尾上一笔业务。',
  elements: [
    { says: '问候客户', examples: ['您好'] },
    { says: '请客户稍坐或稍等', examples: ['请坐', '稍等', '请稍候'] },
    { says: '告诉客户马上为他办理', examples: ['马上为您办理', '什么业务'] },
  ],
  avoid: [{ says: '让客户自己等着', examples: ['等着吧', '在那等着'] }],
  modelAnswers: ['您好，请稍坐，我马上为您办理'],
  forbidden: true,
  feedback: 'FB',
})

describe('text (intent): credit per element in the clerk’s own words', () => {
  it.each([
    { case: 'the model answer from issue #19 (请稍坐 for 请坐)', value: '您好，请稍坐，我马上为您办理', points: 2 },
    { case: 'a paraphrase with synonyms (给您办, 稍候)', value: '你好，请您稍候片刻，我立刻给您办。', points: 2 },
    { case: 'traditional characters', value: '您好，請稍坐，我馬上為您辦理', points: 2 },
    { case: 'two of three elements', value: '您好，我马上为您办理', points: 1.33 },
    { case: 'one of three', value: '您好', points: 0.67 },
    { case: 'an avoid element voids it', value: '您好，在那等着，马上为您办理', points: 0 },
    { case: 'a 服务禁语 voids it', value: '您好，请稍坐，急什么，马上为您办理', points: 0 },
  ])('$case → $points', ({ value, points }) => expect(answer(greet, value).points).toBe(points))

  it('the review names each element in words, found or missing, with the words that expressed it', () => {
    const review = text.review(greet, { text: '您好，我马上为您办理' }, scoringContext)
    expect(review.elements).toEqual([
      { says: '问候客户', found: true, matched: '您好' },
      { says: '请客户稍坐或稍等', found: false, matched: null },
      { says: '告诉客户马上为他办理', found: true, matched: '马上为您办理' },
    ])
    expect(review.avoided).toEqual([])
  })

  it('content checks: a model answer that would not get full marks, a near-miss that would', () => {
    const broken = TextItemSchema.parse({ ...raw, modelAnswers: ['好的，没问题'], nearMisses: [{ text: '对不起，请稍等' }, { text: '请稍等', missing: ['请稍等（或：稍等）'] }] })
    const problems = text.problems(broken, { scenarios: new Map() }, 'zh-CN')
    expect(problems.map((problem) => problem.path)).toEqual([['modelAnswers', 0], ['nearMisses', 0], ['nearMisses', 1]])
    expect(problems[0].message).toContain('请稍等（或：稍等）')
    expect(text.problems(greet, { scenarios: new Map() }, 'zh-CN')).toEqual([])
  })
})

describe('text: malformed answers are refused', () => {
  it.each([
    { case: 'a number', value: 42 },
    { case: 'a list of strings', value: ['对不起', '请稍等'] },
    { case: 'an object', value: { text: '对不起' } },
    { case: 'text over the limit', value: '对'.repeat(TEXT_MAX_LENGTH + 1) },
  ])('$case', ({ value }) => expect(text.parseResponse(item, value, parseContext()).ok).toBe(false))

  it('accepts text at the limit', () =>
    expect(text.parseResponse(item, '对'.repeat(TEXT_MAX_LENGTH), parseContext()).ok).toBe(true))
})

describe('text: the view', () => {
  it('shows the prompt only: no required wordings, no feedback, no points', () => {
    const view = text.toView(item, viewContext())
    expect(view).toEqual({ id: 'queue-reply', type: 'text', prompt: raw.prompt, maxLength: TEXT_MAX_LENGTH })
    expect(leakedWords(view, ['稍等', '抱歉', 'ITEM-FB', 'required', 'forbidden'])).toEqual([])
  })
})

describe('text: the schema', () => {
  it.each([
    { case: 'no required group', item: { ...raw, required: [] }, path: 'elements' },
    { case: 'an empty group', item: { ...raw, required: [['请稍等'], []] }, path: 'required.1' },
    { case: 'a blank variant', item: { ...raw, required: [['请稍等', ' ']] }, path: 'required.0.1' },
    { case: 'no feedback', item: { ...raw, feedback: undefined }, path: 'feedback' },
  ])('refuses $case', ({ item: candidate, path }) =>
    expect(TextItemSchema.safeParse(candidate).error?.issues.map((issue) => issue.path.join('.'))).toContain(path),
  )

  it('defaults forbidden to false', () => expect(TextItemSchema.parse({ ...raw, forbidden: undefined }).forbidden).toBe(false))
})

describe('text: best, worst and review', () => {
  it('best scores full, worst scores nothing', () => {
    expect(text.score(item, text.bestResponse(item, scoringContext), scoringContext).points).toBe(2)
    expect(text.score(item, text.worstResponse(item, scoringContext), scoringContext).points).toBe(0)
  })

  it('best skips a variant the detector flags', () => {
    const tricky = TextItemSchema.parse({ ...raw, required: [['急什么呀', '请稍候'], ['抱歉']] })
    expect(text.bestResponse(tricky, scoringContext).text).toBe('请稍候，抱歉')
    expect(text.score(tricky, text.bestResponse(tricky, scoringContext), scoringContext).points).toBe(2)
  })

  it('the review shows each group as an element and each 禁语 hit with its suggestion', () => {
    const review = text.review(item, { text: '请稍等，急什么' }, scoringContext)
    expect(review.elements.map((element) => [element.says, element.found])).toEqual([
      ['请稍等（或：稍等）', true],
      ['抱歉（或：对不起、不好意思）', false],
    ])
    expect(review.hits.map((hit) => [hit.matched, hit.start, hit.end, hit.suggestion])).toEqual([['急什么', 4, 7, '请您稍等。']])
  })
})

describe('text: a submission scores a written answer once for its score and its review', () => {
  const none = { ...scoringContext, phrases: compilePhraseList({ phrases: [] }) }
  const said = { text: '对不起，请稍等，急什么' }

  it('the review after the score is the review scored afresh', () => {
    text.score(item, said, scoringContext)
    const reused = text.review(item, said, scoringContext)
    text.score(item, { text: '好的' }, scoringContext) // another answer in between
    expect(reused).toEqual(text.review(item, said, scoringContext))
    expect(reused.hits.length).toBeGreaterThan(0)
  })

  it('another phrase list is read again, not the remembered hits', () => {
    text.score(item, said, scoringContext)
    expect(text.review(item, said, none).hits).toEqual([])
    expect(text.score(item, said, none).points).toBe(2)
  })

  it('a reader changing its review changes nothing the next one reads', () => {
    const first = text.review(item, said, scoringContext)
    first.hits.length = 0
    first.elements[0].found = false
    const second = text.review(item, said, scoringContext)
    expect(second.hits.length).toBeGreaterThan(0)
    expect(second.elements[0].found).toBe(true)
  })
})
