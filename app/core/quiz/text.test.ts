// Table tests for the free-text item: required groups, the 服务禁语 detector (injected), all-or-nothing, schema.
import { text, TEXT_MAX_LENGTH, TextItemSchema } from './text'
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

describe('text: every required group must appear and no 服务禁语 (all or nothing)', () => {
  it.each([
    { case: 'both groups', def: item, value: '对不起，请稍等。', points: 2 },
    { case: 'other variants of both groups', def: item, value: '不好意思，稍等一下', points: 2 },
    { case: 'punctuation and spaces inside a variant do not matter', def: item, value: '抱歉，稍 等', points: 2 },
    { case: 'full-width digits match half-width', def: hotline, value: '您可以拨打１００８６', points: 2 },
    { case: 'one group missing', def: item, value: '请稍等', points: 0 },
    { case: 'both groups missing', def: item, value: '好的', points: 0 },
    { case: 'both groups but a 服务禁语', def: item, value: '对不起，请稍等，急什么', points: 0 },
    { case: 'a near-miss (unless) is no 禁语', def: item, value: '您不知道也没关系，对不起，请稍等', points: 2 },
    { case: 'the 禁语 when the item does not check it', def: lenient, value: '对不起，请稍等，急什么', points: 2 },
    { case: 'blank', def: item, value: '', points: 0 },
    { case: 'missing', def: item, value: undefined, points: 0 },
  ])('$case → $points', ({ def, value, points }) => {
    const result = answer(def, value)
    expect([result.points, result.correct, result.feedback]).toEqual([points, points === 2, ['ITEM-FB']])
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
    { case: 'no required group', item: { ...raw, required: [] }, path: 'required' },
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

  it('the review shows which groups were found and each 禁语 hit with its suggestion', () => {
    const review = text.review(item, { text: '请稍等，急什么' }, scoringContext)
    expect(review.groups).toEqual([
      { variants: ['请稍等', '稍等'], found: true },
      { variants: ['抱歉', '对不起', '不好意思'], found: false },
    ])
    expect(review.hits.map((hit) => [hit.matched, hit.start, hit.end, hit.suggestion])).toEqual([['急什么', 4, 7, '请您稍等。']])
  })
})
