import { hallDay, isCalendarDay } from './dates'

describe('hallDay (Asia/Shanghai, UTC+8)', () => {
  it.each([
    { instant: '2026-03-01T15:59:59Z', day: '2026-03-01' }, // 23:59:59 in Shanghai
    { instant: '2026-03-01T16:00:00Z', day: '2026-03-02' }, // midnight in Shanghai
    { instant: '2025-12-31T16:00:00Z', day: '2026-01-01' },
  ])('$instant → $day', ({ instant, day }) => expect(hallDay(instant)).toBe(day))
})

describe('isCalendarDay', () => {
  it.each([
    { day: '2027-02-28', ok: true },
    { day: '2027-02-29', ok: false }, // not a leap year
    { day: '2028-02-29', ok: true }, // leap year
    { day: '2027-02-30', ok: false }, // Date.parse would accept it as 2 March
    { day: '2026-04-31', ok: false },
    { day: '2026-13-01', ok: false },
    { day: '2026-00-10', ok: false },
    { day: '2026-1-5', ok: false },
    { day: '2026-01-05T00:00', ok: false },
    { day: '', ok: false },
  ])('$day → $ok', ({ day, ok }) => expect(isCalendarDay(day)).toBe(ok))
})
