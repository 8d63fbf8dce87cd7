import { duringOpeningHours, hallDay, isCalendarDay } from './dates'

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

it('hallDay: the arithmetic since 1992 agrees with the time-zone database, hour by hour over decades and across year ends', () => {
  const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
  const starts = [Date.UTC(1991, 11, 31, 0), Date.UTC(2026, 11, 31, 10), Date.UTC(2040, 1, 28, 12)]
  for (const start of starts) for (let h = 0; h < 72; h++) expect(hallDay(new Date(start + h * 3_600_000))).toBe(zone.format(new Date(start + h * 3_600_000)))
  for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2060, 0, 1); t += 7_777_777_777) expect(hallDay(new Date(t))).toBe(zone.format(new Date(t)))
  expect(hallDay(new Date('1988-06-01T15:30:00Z'))).toBe(zone.format(new Date('1988-06-01T15:30:00Z'))) // summer time then: the database decides
})

describe('duringOpeningHours: the same hall day, between 08:30 and 20:30 Shanghai', () => {
  const NOW = new Date('2026-11-30T12:00:00Z') // 20:00 in Shanghai
  it.each([
    { at: '2026-11-10T16:00:00Z', now: NOW, moved: '2026-11-11T00:30:00Z', why: 'midnight → 08:30 the same day' },
    { at: '2026-11-09T19:48:00Z', now: NOW, moved: '2026-11-10T02:24:00Z', why: '03:48 → 10:24' },
    { at: '2026-11-10T04:00:00Z', now: NOW, moved: '2026-11-10T06:30:00Z', why: 'noon → 14:30' },
    { at: '2026-11-10T15:59:59Z', now: NOW, moved: '2026-11-10T12:29:59.500Z', why: 'just before midnight → just before 20:30' },
    { at: '2026-11-29T18:00:00Z', now: new Date('2026-11-30T00:00:00Z'), moved: '2026-11-29T18:00:00Z', why: '02:00 today at 08:00: 09:30 is still to come, kept' },
  ])('$why', ({ at, now, moved }) => {
    const result = duringOpeningHours(new Date(at), now)
    expect(result.toISOString()).toBe(new Date(moved).toISOString())
    expect(hallDay(result)).toBe(hallDay(new Date(at)))
  })
})
