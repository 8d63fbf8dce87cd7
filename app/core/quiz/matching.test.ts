// Table tests for the matching item: credit per correct pair, reading matches, the view's secrecy, schema.
import { matching, MatchingItemSchema } from './matching'
import { opaqueId } from './shuffle'
import { leakedWords, parseContext, scoringContext, viewContext } from './test-fixtures'

const raw = {
  id: 'polite-forms',
  type: 'matching',
  points: 3,
  prompt: '把禁语和文明用语配对',
  pairs: [
    { id: 'p1', left: '不知道', right: '我帮您查询一下' },
    { id: 'p2', left: '找别人去', right: '我来帮您联系' },
    { id: 'p3', left: '急什么', right: '请您稍等' },
  ],
  feedback: 'ITEM-FB',
}
const item = MatchingItemSchema.parse(raw)
const left = (id: string) => opaqueId('seed-1', `left/${id}`)
const right = (id: string) => opaqueId('seed-1', `right/${id}`)
const matches = (pairs: [string, string][]) => Object.fromEntries(pairs.map(([l, r]) => [left(l), right(r)]))

function answer(value: unknown) {
  const parsed = matching.parseResponse(item, value, parseContext('seed-1'))
  if (!parsed.ok) throw new Error(parsed.error)
  return matching.score(item, parsed.response, scoringContext)
}

describe('matching: partial credit per correct pair', () => {
  it.each([
    {
      case: 'all pairs right',
      pairs: [
        ['p1', 'p1'],
        ['p2', 'p2'],
        ['p3', 'p3'],
      ],
      points: 3,
      correct: true,
    },
    {
      case: 'two swapped',
      pairs: [
        ['p1', 'p1'],
        ['p2', 'p3'],
        ['p3', 'p2'],
      ],
      points: 1,
      correct: 'partial',
    },
    {
      case: 'two right, one left unmatched',
      pairs: [
        ['p1', 'p1'],
        ['p2', 'p2'],
      ],
      points: 2,
      correct: 'partial',
    },
    {
      case: 'all rotated',
      pairs: [
        ['p1', 'p2'],
        ['p2', 'p3'],
        ['p3', 'p1'],
      ],
      points: 0,
      correct: false,
    },
    { case: 'nothing matched', pairs: [], points: 0, correct: false },
  ] as { case: string; pairs: [string, string][]; points: number; correct: boolean | 'partial' }[])(
    '$case → $points of 3',
    ({ pairs, points, correct }) =>
      expect(answer(matches(pairs))).toEqual({ points, maxPoints: 3, correct, feedback: ['ITEM-FB'] }),
  )

  it.each([{ value: null }, { value: undefined }])('reads $value as blank', ({ value }) => expect(answer(value).points).toBe(0))
  it('reads a left matched to null as unmatched', () =>
    expect(answer({ ...matches([['p1', 'p1']]), [left('p2')]: null }).points).toBe(1))
})

describe('matching: malformed answers are refused', () => {
  it.each([
    {
      case: 'one right used twice',
      value: matches([
        ['p1', 'p1'],
        ['p2', 'p1'],
      ]),
    },
    { case: 'a right id given as a left', value: { [right('p1')]: right('p1') } },
    { case: 'a left id given as a right', value: { [left('p1')]: left('p1') } },
    { case: 'authored pair ids', value: { p1: 'p1' } },
    { case: 'a list', value: [[left('p1'), right('p1')]] },
    { case: 'a string', value: 'p1=p1' },
    { case: 'a number as right', value: { [left('p1')]: 1 } },
  ])('$case', ({ value }) => expect(matching.parseResponse(item, value, parseContext('seed-1')).ok).toBe(false))
})

describe('matching: the view', () => {
  it('gives lefts and rights different opaque ids, so ids do not reveal the pairs', () => {
    const view = matching.toView(item, viewContext('seed-1'))
    const leftIds = view.lefts.map((entry) => entry.id)
    expect(view.rights.some((entry) => leftIds.includes(entry.id))).toBe(false)
    expect(leakedWords(view, ['ITEM-FB', '"p1"', '"p2"', '"p3"'])).toEqual([])
  })

  it('never lines the rights up with the lefts, shuffled or not', () => {
    for (let i = 0; i < 100; i++) {
      const view = matching.toView(item, viewContext(`s${i}`, i % 2 === 0))
      const aligned = view.lefts.every(
        (entry, index) => raw.pairs.find((pair) => pair.left === entry.text)?.right === view.rights[index].text,
      )
      expect(aligned).toBe(false)
    }
  })

  it('keeps the lefts in authored order when the quiz does not shuffle', () =>
    expect(matching.toView(item, viewContext('s', false)).lefts.map((entry) => entry.text)).toEqual([
      '不知道',
      '找别人去',
      '急什么',
    ]))

  it('round-trips: matching the view ids by text scores full', () => {
    const view = matching.toView(item, viewContext('seed-1'))
    const answerByText = Object.fromEntries(
      raw.pairs.map((pair) => [
        view.lefts.find((e) => e.text === pair.left)?.id,
        view.rights.find((e) => e.text === pair.right)?.id,
      ]),
    )
    expect(answer(answerByText).points).toBe(3)
  })
})

describe('matching: the schema', () => {
  it.each([
    { case: 'one pair', item: { ...raw, pairs: [raw.pairs[0]] }, path: 'pairs' },
    {
      case: 'a repeated pair id',
      item: { ...raw, pairs: [...raw.pairs, { id: 'p1', left: 'x', right: 'y' }] },
      path: 'pairs.3.id',
    },
    {
      case: 'a repeated right text',
      item: { ...raw, pairs: [...raw.pairs, { id: 'p4', left: 'x', right: '请您稍等' }] },
      path: 'pairs.3.right',
    },
    {
      case: 'a repeated left text',
      item: { ...raw, pairs: [...raw.pairs, { id: 'p4', left: '急什么', right: 'y' }] },
      path: 'pairs.3.left',
    },
  ])('refuses $case', ({ item: candidate, path }) =>
    expect(MatchingItemSchema.safeParse(candidate).error?.issues.map((issue) => issue.path.join('.'))).toContain(path),
  )
})

describe('matching: best, worst and review', () => {
  it('best scores full, worst scores nothing', () => {
    expect(matching.score(item, matching.bestResponse(item, scoringContext), scoringContext).points).toBe(3)
    expect(matching.score(item, matching.worstResponse(item, scoringContext), scoringContext).points).toBe(0)
  })

  it('the review shows each pair with the right chosen for it', () => {
    const review = matching.review(
      item,
      {
        matches: [
          { left: 'p1', right: 'p1' },
          { left: 'p2', right: 'p3' },
        ],
      },
      scoringContext,
    )
    expect(review.pairs).toEqual([
      { left: '不知道', right: '我帮您查询一下', chosenRight: '我帮您查询一下', correct: true },
      { left: '找别人去', right: '我来帮您联系', chosenRight: '请您稍等', correct: false },
      { left: '急什么', right: '请您稍等', chosenRight: null, correct: false },
    ])
  })
})
