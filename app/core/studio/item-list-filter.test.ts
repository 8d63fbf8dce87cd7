import { filterItems, filterQuery, verdictOf, type Verdicts } from './item-list-filter'

const ITEMS = [
  { index: 0, id: 'greet', type: 'single' },
  { index: 1, id: 'queue', type: 'multiple' },
  { index: 2, id: 'card', type: 'single' },
  { index: 3, id: 'new', type: 'text' },
]
const JUDGED: Verdicts = { judged: true, findingsByItem: { greet: 0, queue: 2, card: 1 } }

describe('verdictOf', () => {
  it.each([
    { verdicts: JUDGED, id: 'greet', expected: 'ok' },
    { verdicts: JUDGED, id: 'queue', expected: 'flagged' },
    { verdicts: JUDGED, id: 'new', expected: 'none' }, // not in the published version
    { verdicts: { judged: false, findingsByItem: { queue: 2 } }, id: 'queue', expected: 'none' }, // too few attempts
  ] as const)('$id → $expected', ({ verdicts, id, expected }) => expect(verdictOf(verdicts, id)).toBe(expected))
})

describe('filterItems', () => {
  it.each([
    { filter: {}, ids: ['greet', 'queue', 'card', 'new'] },
    { filter: { kind: 'single' }, ids: ['greet', 'card'] },
    { filter: { verdict: 'flagged' }, ids: ['queue', 'card'] },
    { filter: { kind: 'single', verdict: 'flagged' }, ids: ['card'] },
    { filter: { verdict: 'none' }, ids: ['new'] },
    { filter: { kind: 'ordering' }, ids: [] },
  ] as const)('$filter', ({ filter, ids }) => {
    const listed = filterItems(ITEMS, JUDGED, filter)
    expect(listed.map((i) => i.id)).toEqual(ids)
    // each keeps its number in the quiz
    for (const item of listed) expect(ITEMS[item.index]).toBe(item)
  })
})

describe('filterQuery', () => {
  it.each([
    { filter: {}, expected: '' },
    { filter: { kind: 'single' }, expected: '&kind=single' },
    { filter: { verdict: 'flagged' }, expected: '&verdict=flagged' },
    { filter: { kind: 'single', verdict: 'none' }, expected: '&kind=single&verdict=none' },
    { filter: { kind: null, verdict: 'bogus' }, expected: '' }, // not one of ours: dropped
    { filter: { kind: 'a&b=c' }, expected: '&kind=a%26b%3Dc' }, // cannot add a parameter
  ])('$filter → $expected', ({ filter, expected }) => expect(filterQuery(filter)).toBe(expected))
})
