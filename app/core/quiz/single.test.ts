// Table tests for the single choice item: reading answers, scoring, the view's secrecy, the schema, best and worst.
import { single, SingleItemSchema, type SingleItem } from './single'
import { opaqueId } from './shuffle'
import { leakedWords, parseContext, scoringContext, viewContext } from './test-fixtures'

const raw = {
  id: 'badge-lost',
  type: 'single',
  module: 'appearance',
  points: 2,
  prompt: '工牌丢了怎么办？',
  feedback: 'ITEM-FB',
  options: [
    { id: 'a', text: '先不戴', feedback: 'FB-A' },
    { id: 'b', text: '报告值班经理', correct: true, feedback: 'FB-B' },
    { id: 'c', text: '借同事的', feedback: 'FB-C' },
  ],
}
const item: SingleItem = SingleItemSchema.parse(raw)
const o = (id: string) => opaqueId('seed-1', id)

function answer(value: unknown) {
  const parsed = single.parseResponse(item, value, parseContext('seed-1'))
  if (!parsed.ok) throw new Error(parsed.error)
  return single.score(item, parsed.response, scoringContext)
}

describe('single: scoring', () => {
  it.each([
    { case: 'the correct option', value: o('b'), points: 2, correct: true, feedback: ['FB-B', 'ITEM-FB'] },
    { case: 'a wrong option', value: o('a'), points: 0, correct: false, feedback: ['FB-A', 'ITEM-FB'] },
    { case: 'another wrong option', value: o('c'), points: 0, correct: false, feedback: ['FB-C', 'ITEM-FB'] },
    { case: 'left blank (null)', value: null, points: 0, correct: false, feedback: ['ITEM-FB'] },
    { case: 'left blank (missing)', value: undefined, points: 0, correct: false, feedback: ['ITEM-FB'] },
  ])('$case → $points points', ({ value, points, correct, feedback }) =>
    expect(answer(value)).toEqual({ points, maxPoints: 2, correct, feedback }),
  )
})

describe('single: malformed answers are refused', () => {
  it.each([
    { case: 'the authored id instead of the opaque one', value: 'b' },
    { case: 'an opaque id made with another seed', value: opaqueId('seed-2', 'b') },
    { case: 'a number', value: 1 },
    { case: 'a list', value: [o('b')] },
    { case: 'an object', value: { id: o('b') } },
  ])('$case', ({ value }) => expect(single.parseResponse(item, value, parseContext('seed-1')).ok).toBe(false))
})

describe('single: the view', () => {
  const view = single.toView(item, viewContext('seed-1', true))

  it('shows prompt and every option text, and nothing the server keeps', () => {
    expect(view.prompt).toBe(raw.prompt)
    expect(view.options.map((option) => option.text).sort()).toEqual(raw.options.map((option) => option.text).sort())
    expect(leakedWords(view, ['FB-A', 'FB-B', 'FB-C', 'ITEM-FB', 'appearance'])).toEqual([])
    expect(Object.keys(view).sort()).toEqual(['id', 'options', 'prompt', 'type'])
  })

  it('uses opaque ids the server maps back', () => {
    for (const option of view.options) expect(['a', 'b', 'c']).not.toContain(option.id)
    const chosen = view.options.find((option) => option.text === '报告值班经理')
    expect(answer(chosen?.id).points).toBe(2)
  })

  it('shuffles by seed when the quiz shuffles, and keeps the authored order when it does not', () => {
    const order = (seed: string, shuffle: boolean) =>
      single.toView(item, viewContext(seed, shuffle)).options.map((option) => option.text)
    expect(order('s', true)).toEqual(order('s', true))
    expect(new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map((seed) => order(seed, true).join())).size).toBeGreaterThan(1)
    expect(order('s1', false)).toEqual(['先不戴', '报告值班经理', '借同事的'])
  })
})

describe('single: the schema', () => {
  const withOptions = (options: unknown) => ({ ...raw, options })
  it.each([
    {
      case: 'no correct option',
      item: withOptions(raw.options.map(({ correct: _correct, ...option }) => option)),
      path: 'options',
    },
    {
      case: 'two correct options',
      item: withOptions(raw.options.map((option) => ({ ...option, correct: true }))),
      path: 'options',
    },
    { case: 'a repeated option id', item: withOptions([...raw.options, { ...raw.options[0] }]), path: 'options.3.id' },
    { case: 'one option only', item: withOptions([raw.options[1]]), path: 'options' },
    {
      case: 'an option without feedback',
      item: withOptions([raw.options[0], { id: 'b', text: 'x', correct: true }]),
      path: 'options.1.feedback',
    },
    { case: 'an unknown key', item: { ...raw, hint: 'x' }, path: '' },
    { case: 'zero points', item: { ...raw, points: 0 }, path: 'points' },
  ])('refuses $case', ({ item: candidate, path }) => {
    const result = SingleItemSchema.safeParse(candidate)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path)
  })

  it('accepts an item without module or item feedback', () => {
    const { module: _module, feedback: _feedback, ...bare } = raw
    expect(SingleItemSchema.safeParse(bare).success).toBe(true)
  })
})

describe('single: best, worst and review', () => {
  it('best scores full, worst scores nothing', () => {
    expect(single.score(item, single.bestResponse(item, scoringContext), scoringContext).points).toBe(2)
    expect(single.score(item, single.worstResponse(item, scoringContext), scoringContext).points).toBe(0)
  })

  it('the review marks what was chosen and what was correct, with all feedback', () => {
    const review = single.review(item, { optionId: 'a' }, scoringContext)
    expect(review.options.map((option) => [option.id, option.chosen, option.correct, option.feedback])).toEqual([
      ['a', true, false, 'FB-A'],
      ['b', false, true, 'FB-B'],
      ['c', false, false, 'FB-C'],
    ])
    expect(review.feedback).toBe('ITEM-FB')
  })
})
