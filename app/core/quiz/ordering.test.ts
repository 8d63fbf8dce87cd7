// Table tests for the ordering item: share of entries in place, reading orders, the always-shuffled view, schema.
import { ordering, OrderingItemSchema } from './ordering'
import { opaqueId } from './shuffle'
import { leakedWords, parseContext, scoringContext, viewContext } from './test-fixtures'

const raw = {
  id: 'five-stages',
  type: 'ordering',
  points: 4,
  prompt: '把五个环节排好',
  entries: [
    { id: 'env', text: '环境准备' },
    { id: 'guide', text: '引导分流' },
    { id: 'serve', text: '业务办理' },
    { id: 'farewell', text: '送别客户' },
  ],
  feedback: 'ITEM-FB',
}
const item = OrderingItemSchema.parse(raw)
const o = (id: string) => opaqueId('seed-1', id)

function answer(order: unknown) {
  const parsed = ordering.parseResponse(item, order, parseContext('seed-1'))
  if (!parsed.ok) throw new Error(parsed.error)
  return ordering.score(item, parsed.response, scoringContext)
}

describe('ordering: partial credit is the share of entries in the right position', () => {
  it.each([
    { order: ['env', 'guide', 'serve', 'farewell'], points: 4, correct: true },
    { order: ['env', 'guide', 'farewell', 'serve'], points: 2, correct: 'partial' },
    { order: ['env', 'serve', 'guide', 'farewell'], points: 2, correct: 'partial' },
    { order: ['farewell', 'guide', 'serve', 'env'], points: 2, correct: 'partial' },
    { order: ['guide', 'serve', 'farewell', 'env'], points: 0, correct: false }, // all shifted by one: none in place
    { order: ['farewell', 'serve', 'guide', 'env'], points: 0, correct: false },
    { order: [], points: 0, correct: false },
  ])('$order → $points of 4', ({ order, points, correct }) =>
    expect(answer(order.map(o))).toEqual({ points, maxPoints: 4, correct, feedback: ['ITEM-FB'] }),
  )

  it('reads a missing answer as blank', () => expect(answer(undefined).points).toBe(0))
})

describe('ordering: malformed answers are refused', () => {
  it.each([
    { case: 'some entries missing', value: ['env', 'guide', 'serve'].map(o) },
    { case: 'an entry twice', value: ['env', 'env', 'serve', 'farewell'].map(o) },
    { case: 'an extra entry', value: ['env', 'guide', 'serve', 'farewell', 'env'].map(o) },
    { case: 'authored ids', value: ['env', 'guide', 'serve', 'farewell'] },
    { case: 'not a list', value: 'env,guide,serve,farewell' },
    { case: 'numbers', value: [0, 1, 2, 3] },
  ])('$case', ({ value }) => expect(ordering.parseResponse(item, value, parseContext('seed-1')).ok).toBe(false))
})

describe('ordering: the view', () => {
  it('never shows the authored (correct) order, even when the quiz does not shuffle', () => {
    for (let i = 0; i < 100; i++) {
      const texts = ordering.toView(item, viewContext(`s${i}`, i % 2 === 0)).entries.map((entry) => entry.text)
      expect(texts).not.toEqual(raw.entries.map((entry) => entry.text))
      expect([...texts].sort()).toEqual(raw.entries.map((entry) => entry.text).sort())
    }
  })

  it('has opaque ids and no feedback or points', () => {
    const view = ordering.toView(item, viewContext())
    expect(view.entries.some((entry) => ['env', 'guide', 'serve', 'farewell'].includes(entry.id))).toBe(false)
    expect(leakedWords(view, ['ITEM-FB'])).toEqual([])
  })

  it('round-trips: submitting the view ids in the right order scores full', () => {
    const view = ordering.toView(item, viewContext('seed-1'))
    const byText = (text: string) => view.entries.find((entry) => entry.text === text)?.id
    expect(answer(raw.entries.map((entry) => byText(entry.text))).points).toBe(4)
  })
})

describe('ordering: the schema', () => {
  it.each([
    { case: 'one entry', item: { ...raw, entries: [raw.entries[0]] }, path: 'entries' },
    { case: 'a repeated entry id', item: { ...raw, entries: [...raw.entries, raw.entries[1]] }, path: 'entries.4.id' },
    { case: 'no item feedback', item: { ...raw, feedback: undefined }, path: 'feedback' },
  ])('refuses $case', ({ item: candidate, path }) =>
    expect(OrderingItemSchema.safeParse(candidate).error?.issues.map((issue) => issue.path.join('.'))).toContain(path),
  )
})

describe('ordering: best, worst and review', () => {
  it('best scores full, worst scores nothing', () => {
    expect(ordering.score(item, ordering.bestResponse(item, scoringContext), scoringContext).points).toBe(4)
    expect(ordering.score(item, ordering.worstResponse(item, scoringContext), scoringContext).points).toBe(0)
  })

  it('the review lists the clerk order with each entry’s right position', () => {
    const review = ordering.review(item, { order: ['env', 'serve', 'guide', 'farewell'] }, scoringContext)
    expect(review.answer).toEqual([
      { text: '环境准备', correctPosition: 0, inPlace: true },
      { text: '业务办理', correctPosition: 2, inPlace: false },
      { text: '引导分流', correctPosition: 1, inPlace: false },
      { text: '送别客户', correctPosition: 3, inPlace: true },
    ])
    expect(review.correctOrder).toEqual(['环境准备', '引导分流', '业务办理', '送别客户'])
  })
})
