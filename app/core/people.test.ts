import { isNewHire } from './people'

const now = new Date('2026-06-01T00:00:00Z')
describe('isNewHire (90 days)', () => {
  it.each([
    { hired: '2026-05-31T00:00:00Z', newHire: true },
    { hired: '2026-03-04T00:00:01Z', newHire: true },
    { hired: '2026-03-03T00:00:00Z', newHire: false }, // exactly 90 days ago
    { hired: '2025-01-01T00:00:00Z', newHire: false },
    { hired: '2026-07-01T00:00:00Z', newHire: false }, // a future start date is not yet a hire
  ])('hired $hired → $newHire', ({ hired, newHire }) => expect(isNewHire(new Date(hired), now)).toBe(newHire))
  it('no hire date → not a new hire', () => expect(isNewHire(null, now)).toBe(false))
})
