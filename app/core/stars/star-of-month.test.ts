import { scoreOf, starOfMonthShortlist, type MonthRecord } from './star-of-month'

const rules = { minRatings: 20, shortlist: 3, weights: { satisfaction: 0.5, inspection: 0.3, quiz: 0.2 } }
const clerk = (userId: string, change: Partial<MonthRecord> = {}): MonthRecord => ({
  userId,
  name: userId,
  liableComplaints: 0,
  ratings: 50,
  satisfaction: 4.5,
  inspection: 90,
  quiz: 80,
  ...change,
})

describe('服务明星 shortlist', () => {
  it('scores 4.5×20×0.5 + 90×0.3 + 80×0.2 = 88', () => expect(scoreOf(clerk('a'), rules)).toBe(88))
  it('weighs only the parts a clerk has (not inspected this month)', () => expect(scoreOf(clerk('a', { inspection: null }), rules)).toBe(Math.round(((90 * 0.5 + 80 * 0.2) / 0.7) * 100) / 100))
  it.each([
    { name: 'a liable complaint leaves the list', records: [clerk('a', { liableComplaints: 1, satisfaction: 5 }), clerk('b')], ids: ['b'] },
    { name: 'fewer than 20 ratings leave the list', records: [clerk('a', { ratings: 19, satisfaction: 5 }), clerk('b')], ids: ['b'] },
    { name: 'exactly 20 ratings stay', records: [clerk('a', { ratings: 20, satisfaction: 5 }), clerk('b')], ids: ['a', 'b'] },
    { name: 'highest score first', records: [clerk('a'), clerk('b', { satisfaction: 5 }), clerk('c', { satisfaction: 4 })], ids: ['b', 'a', 'c'] },
    { name: 'a tie goes to more ratings', records: [clerk('a'), clerk('b', { ratings: 80 })], ids: ['b', 'a'] },
    { name: 'only the first three', records: ['a', 'b', 'c', 'd'].map((id, i) => clerk(id, { inspection: 90 - i })), ids: ['a', 'b', 'c'] },
    { name: 'an empty hall has an empty list', records: [], ids: [] },
  ])('$name', ({ records, ids }) => {
    const list = starOfMonthShortlist(records, rules)
    expect(list.map((e) => e.userId)).toEqual(ids)
    expect(list.map((e) => e.rank)).toEqual(ids.map((_, i) => i + 1))
  })
})
