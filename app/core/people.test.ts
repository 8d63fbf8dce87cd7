import { daysBetween, isNewHire } from './people'

const now = new Date('2026-06-01T00:00:00Z') // 08:00 on 1 June in the halls
describe('isNewHire (90 calendar days from the hire day, in the halls’ time zone)', () => {
  it.each([
    { hired: '2026-05-31T00:00:00Z', newHire: true },
    { hired: '2026-03-04T00:00:01Z', newHire: true }, // 4 March: day 89
    { hired: '2026-03-03T00:00:00Z', newHire: false }, // 3 March: exactly 90 days ago
    { hired: '2026-03-03T15:59:59Z', newHire: false }, // still 3 March in Shanghai
    { hired: '2026-03-03T16:00:00Z', newHire: true }, // already 4 March in Shanghai
    { hired: '2026-06-01T00:00:00Z', newHire: true }, // hired today
    { hired: '2025-01-01T00:00:00Z', newHire: false },
    { hired: '2026-07-01T00:00:00Z', newHire: false }, // a future start date is not yet a hire
  ])('hired $hired → $newHire', ({ hired, newHire }) => expect(isNewHire(new Date(hired), now)).toBe(newHire))
  it('no hire date → not a new hire', () => expect(isNewHire(null, now)).toBe(false))
  it('the period is a parameter', () => expect(isNewHire(new Date('2026-05-01T00:00:00Z'), now, 30)).toBe(false))
})

it.each([
  ['2026-02-28', '2026-03-01', 1],
  ['2024-02-28', '2024-03-01', 2], // leap year
  ['2026-03-01', '2026-02-28', -1],
])('daysBetween %s and %s is %i', (from, to, days) => expect(daysBetween(from, to)).toBe(days))
