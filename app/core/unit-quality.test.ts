import fc from 'fast-check'
import { compilePhraseList, ForbiddenPhraseListSchema } from './phrases'
import { closedDaysBefore, facilitiesFromSums, foldItems, foldPhrases, phraseCountsFromHits, sampleStart, sumItems, type AttemptFacts } from './unit-quality'

const phrases = compilePhraseList(
  ForbiddenPhraseListSchema.parse({
    phrases: [
      { id: 'dont-know', phrase: '不知道', suggestion: '我马上帮您查询。', category: '推诿' },
      { id: 'hurry', phrase: '快点', suggestion: '请您稍等，我尽快办理。', category: '不耐烦' },
    ],
  }),
)
const attempt = (userId: string, quizId: string, points: Record<string, [number, number]>, texts: string[] = [], type = 'single'): AttemptFacts => ({
  userId,
  quizId,
  items: Object.entries(points).map(([itemId, [p, max]]) => ({ itemId, points: p, maxPoints: max })),
  reviews: [...Object.keys(points).map((itemId) => ({ itemId, review: { type } })), { itemId: 'w', review: { type: 'text', text: texts[0] } }, { itemId: 'd', review: { type: 'scenario', steps: texts.slice(1).map((reply) => ({ reply })) } }],
})

describe('foldItems and facilitiesFromSums', () => {
  it.each([
    { case: 'one item, shares summed', attempts: [attempt('a', 'q', { i1: [1, 2] }), attempt('b', 'q', { i1: [2, 2] })], sums: [{ quizId: 'q', itemId: 'i1', type: 'single', attempts: 2, share: 1.5 }] },
    { case: 'an item worth no points is left out', attempts: [attempt('a', 'q', { i1: [0, 0], i2: [1, 1] })], sums: [{ quizId: 'q', itemId: 'i2', type: 'single', attempts: 1, share: 1 }] },
    { case: 'same item id in two quizzes: two sums', attempts: [attempt('a', 'q', { i1: [0, 1] }), attempt('a', 'r', { i1: [1, 1] })], sums: [{ quizId: 'q', itemId: 'i1', type: 'single', attempts: 1, share: 0 }, { quizId: 'r', itemId: 'i1', type: 'single', attempts: 1, share: 1 }] },
    { case: 'no review for the item: type unknown', attempts: [{ userId: 'a', quizId: 'q', items: [{ itemId: 'x', points: 1, maxPoints: 1 }], reviews: [] }], sums: [{ quizId: 'q', itemId: 'x', type: 'unknown', attempts: 1, share: 1 }] },
    { case: 'no attempts: nothing', attempts: [], sums: [] },
  ])('$case', ({ attempts, sums }) => expect(foldItems(attempts)).toEqual(sums))

  it.each([
    { case: 'lowest facility first, then most attempts', minimum: 1, rows: [{ quizId: 'q', itemId: 'a', type: 's', attempts: 2, share: 1 }, { quizId: 'q', itemId: 'b', type: 's', attempts: 4, share: 1 }, { quizId: 'q', itemId: 'c', type: 's', attempts: 2, share: 0.5 }], order: ['b', 'c', 'a'], facility: [25, 25, 50] },
    { case: 'rows of two days add up before the minimum applies', minimum: 3, rows: [{ quizId: 'q', itemId: 'a', type: 's', attempts: 2, share: 0 }, { quizId: 'q', itemId: 'a', type: 's', attempts: 1, share: 1 }], order: ['a'], facility: [33] },
    // 4/3 + 0 + 3/4 + 1/3 + 2/3 + 2/3 = 3.75 over 6 attempts: 62.5 %, whatever order the shares were added in
    { case: 'an exact half rounds up in any order of adding', minimum: 1, rows: [4 / 3, 0, 3 / 4, 1 / 3, 2 / 3, 2 / 3].map((share) => ({ quizId: 'q', itemId: 'a', type: 's', attempts: 1, share })), order: ['a'], facility: [63] },
    { case: 'the same, added in another order', minimum: 1, rows: [2 / 3, 0, 1 / 3, 3 / 4, 4 / 3, 2 / 3].map((share) => ({ quizId: 'q', itemId: 'a', type: 's', attempts: 1, share })), order: ['a'], facility: [63] },
    { case: 'fewer than the minimum: too few to say', minimum: 3, rows: [{ quizId: 'q', itemId: 'a', type: 's', attempts: 2, share: 0 }], order: [], facility: [] },
  ])('$case', ({ rows, minimum, order, facility }) => {
    const facilities = facilitiesFromSums(rows, minimum)
    expect([facilities.map((f) => f.itemId), facilities.map((f) => f.facility)]).toEqual([order, facility])
  })

  it('folding days apart and adding the rows up is folding every attempt at once (what the roll-up rests on)', () => {
    const attemptArb = fc.record({
      userId: fc.constantFrom('a', 'b', 'c'),
      quizId: fc.constantFrom('q', 'r'),
      items: fc.array(fc.record({ itemId: fc.constantFrom('i1', 'i2', 'i3'), points: fc.integer({ min: 0, max: 4 }), maxPoints: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
      reviews: fc.constant([]),
    })
    fc.assert(
      fc.property(fc.array(fc.tuple(attemptArb, fc.integer({ min: 0, max: 4 })), { maxLength: 40 }), (dated) => {
        const attempts = dated.map(([a]) => a)
        const days = [0, 1, 2, 3, 4].map((day) => foldItems(dated.filter(([, d]) => d === day).map(([a]) => a)))
        const rounded = (rows: ReturnType<typeof foldItems>) => sumItems(rows).map((r) => ({ ...r, share: Math.round(r.share * 1e9) })).sort((x, y) => (x.quizId + x.itemId).localeCompare(y.quizId + y.itemId))
        expect(rounded(days.flat())).toEqual(rounded(foldItems(attempts)))
        expect(facilitiesFromSums(days.flat(), 1)).toEqual(facilitiesFromSums(foldItems(attempts), 1))
      }),
    )
  })
})

describe('foldPhrases and phraseCountsFromHits', () => {
  it('per clerk and phrase, each text once; counted by clerks, then hits', () => {
    const attempts = [attempt('a', 'q', {}, ['不知道不知道', '快点']), attempt('b', 'q', {}, ['快点吧']), attempt('a', 'q', {}, ['我不知道'])]
    const hits = foldPhrases(attempts, phrases)
    expect(hits).toEqual([{ phraseId: 'dont-know', userId: 'a', hits: 2 }, { phraseId: 'hurry', userId: 'a', hits: 1 }, { phraseId: 'hurry', userId: 'b', hits: 1 }])
    expect(phraseCountsFromHits(hits, phrases).map((p) => [p.id, p.clerks, p.hits])).toEqual([['hurry', 2, 2], ['dont-know', 1, 2]])
  })

  it('hits of the same clerk on two days: one clerk, hits added', () => {
    const rows = [{ phraseId: 'hurry', userId: 'a', hits: 1 }, { phraseId: 'hurry', userId: 'a', hits: 2 }]
    expect(phraseCountsFromHits(rows, phrases).map((p) => [p.clerks, p.hits])).toEqual([[1, 3]])
  })

  it('a phrase taken off the list is not shown', () => expect(phraseCountsFromHits([{ phraseId: 'gone', userId: 'a', hits: 5 }], phrases)).toEqual([]))
})

describe('sampleStart', () => {
  it.each([
    { case: 'yesterday alone is enough', days: [{ day: 'd3', attempts: 1200 }, { day: 'd2', attempts: 5 }], start: 'd3' },
    { case: 'enough reached on the second day back', days: [{ day: 'd3', attempts: 600 }, { day: 'd2', attempts: 400 }, { day: 'd1', attempts: 9 }], start: 'd2' },
    { case: 'never enough: the whole window', days: [{ day: 'd3', attempts: 1 }, { day: 'd2', attempts: 0 }], start: 'd2' },
    { case: 'no days', days: [], start: null },
  ])('$case', ({ days, start }) => expect(sampleStart(days, 1000)).toBe(start))
})

describe('closedDaysBefore', () => {
  it.each([
    { today: '2026-03-02', count: 3, days: ['2026-03-01', '2026-02-28', '2026-02-27'] },
    { today: '2028-03-01', count: 2, days: ['2028-02-29', '2028-02-28'] },
    { today: '2027-01-01', count: 1, days: ['2026-12-31'] },
    { today: '2026-06-01', count: 0, days: [] },
  ])('$count days before $today', ({ today, count, days }) => expect(closedDaysBefore(today, count)).toEqual(days))
})
