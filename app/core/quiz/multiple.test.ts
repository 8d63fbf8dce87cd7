// Table tests for the multiple choice item: partial and all-or-nothing scoring, reading answers, view, schema.
import { multiple, MultipleItemSchema } from './multiple'
import { opaqueId } from './shuffle'
import { leakedWords, parseContext, scoringContext, viewContext } from './test-fixtures'

const options = [
  { id: 'a', text: '不知道', correct: true, feedback: 'FB-A' },
  { id: 'b', text: '找别人去', correct: true, feedback: 'FB-B' },
  { id: 'c', text: '急什么', correct: true, feedback: 'FB-C' },
  { id: 'd', text: '请稍等', feedback: 'FB-D' },
  { id: 'e', text: '我帮您查', feedback: 'FB-E' },
]
const raw = {
  id: 'forbidden-words',
  type: 'multiple',
  scoring: 'partial',
  points: 3,
  prompt: '哪些是禁语？',
  feedback: 'ITEM-FB',
  options,
}
const partial = MultipleItemSchema.parse(raw)
const allOrNothing = MultipleItemSchema.parse({ ...raw, scoring: 'all-or-nothing' })
const twoPoints = MultipleItemSchema.parse({ ...raw, points: 2 })
const o = (id: string) => opaqueId('seed-1', id)

function answer(item: typeof partial, picks: unknown) {
  const parsed = multiple.parseResponse(item, picks, parseContext('seed-1'))
  if (!parsed.ok) throw new Error(parsed.error)
  return multiple.score(item, parsed.response, scoringContext)
}

describe('multiple, partial: (right picks − wrong picks) / correct count, never below 0', () => {
  it.each([
    { picks: ['a', 'b', 'c'], points: 3, correct: true },
    { picks: ['a', 'b'], points: 2, correct: 'partial' },
    { picks: ['a'], points: 1, correct: 'partial' },
    { picks: ['a', 'b', 'c', 'd'], points: 2, correct: 'partial' },
    { picks: ['a', 'b', 'c', 'd', 'e'], points: 1, correct: 'partial' },
    { picks: ['a', 'd'], points: 0, correct: false },
    { picks: ['a', 'd', 'e'], points: 0, correct: false }, // −1 is floored at 0
    { picks: ['d', 'e'], points: 0, correct: false },
    { picks: [], points: 0, correct: false },
  ])('$picks → $points of 3', ({ picks, points, correct }) => {
    const result = answer(partial, picks.map(o))
    expect([result.points, result.maxPoints, result.correct]).toEqual([points, 3, correct])
  })

  it('rounds shares to hundredths: 1 of 3 correct on a 2-point item is 0.67', () =>
    expect(answer(twoPoints, [o('a')]).points).toBe(0.67))

  it('gives the feedback of each picked option, then the item feedback', () =>
    expect(answer(partial, [o('d'), o('a')]).feedback).toEqual(['FB-A', 'FB-D', 'ITEM-FB']))
})

describe('multiple, all-or-nothing: full points only for exactly the correct set', () => {
  it.each([
    { picks: ['a', 'b', 'c'], points: 3, correct: true },
    { picks: ['c', 'a', 'b'], points: 3, correct: true },
    { picks: ['a', 'b'], points: 0, correct: false },
    { picks: ['a', 'b', 'c', 'd'], points: 0, correct: false },
    { picks: [], points: 0, correct: false },
  ])('$picks → $points', ({ picks, points, correct }) => {
    const result = answer(allOrNothing, picks.map(o))
    expect([result.points, result.correct]).toEqual([points, correct])
  })
})

describe('multiple: malformed answers are refused', () => {
  it.each([
    { case: 'a single id instead of a list', value: o('a') },
    { case: 'an option picked twice', value: [o('a'), o('a')] },
    { case: 'an authored id', value: [o('a'), 'b'] },
    { case: 'an unknown id', value: ['o123'] },
    { case: 'a number in the list', value: [o('a'), 3] },
    { case: 'an object', value: { a: true } },
  ])('$case', ({ value }) => expect(multiple.parseResponse(partial, value, parseContext('seed-1')).ok).toBe(false))

  it('reads null as blank', () =>
    expect(multiple.parseResponse(partial, null, parseContext())).toEqual({ ok: true, response: { optionIds: [] } }))
})

describe('multiple: the view', () => {
  it('shows every option under an opaque id, without scoring rule, correctness, points or feedback', () => {
    const view = multiple.toView(allOrNothing, viewContext('seed-1', true))
    expect(view.options.map((option) => option.text).sort()).toEqual(options.map((option) => option.text).sort())
    expect(view.options.every((option) => option.id.startsWith('o') && option.id.length > 3)).toBe(true)
    expect(leakedWords(view, ['FB-', 'ITEM-FB', 'all-or-nothing', 'scoring'])).toEqual([])
  })
})

describe('multiple: the schema', () => {
  it.each([
    {
      case: 'no correct option',
      item: { ...raw, options: options.map((option) => ({ ...option, correct: false })) },
      path: 'options',
    },
    { case: 'no scoring rule', item: { ...raw, scoring: undefined }, path: 'scoring' },
    { case: 'an unknown scoring rule', item: { ...raw, scoring: 'some' }, path: 'scoring' },
  ])('refuses $case', ({ item, path }) => {
    const result = MultipleItemSchema.safeParse(item)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path)
  })
})

describe('multiple: best, worst and review', () => {
  it.each([{ item: partial }, { item: allOrNothing }])('best is full and worst is 0 ($item.scoring)', ({ item }) => {
    expect(multiple.score(item, multiple.bestResponse(item, scoringContext), scoringContext).points).toBe(3)
    expect(multiple.score(item, multiple.worstResponse(item, scoringContext), scoringContext).points).toBe(0)
  })

  it('the review marks picks and correct options', () => {
    const review = multiple.review(partial, { optionIds: ['a', 'd'] }, scoringContext)
    expect(
      review.options.map((option) => `${option.id}:${option.chosen ? 'picked' : '-'}:${option.correct ? 'right' : '-'}`),
    ).toEqual(['a:picked:right', 'b:-:right', 'c:-:right', 'd:picked:-', 'e:-:-'])
  })
})
