import { addDays, daysBetween, isCalendarDay } from './days'

it.each([
  { value: '2026-02-28', ok: true },
  { value: '2028-02-29', ok: true }, // leap year
  { value: '2026-02-29', ok: false },
  { value: '2026-02-30', ok: false },
  { value: '2026-13-01', ok: false },
  { value: '2026-00-10', ok: false },
  { value: '2026-1-5', ok: false },
  { value: 'tomorrow', ok: false },
  { value: '', ok: false },
])('isCalendarDay($value) → $ok', ({ value, ok }) => expect(isCalendarDay(value)).toBe(ok))

it.each([
  { day: '2026-12-25', days: 7, to: '2027-01-01' },
  { day: '2026-03-01', days: -1, to: '2026-02-28' },
  { day: '2026-09-01', days: 90, to: '2026-11-30' },
])('$day + $days → $to, and back', ({ day, days, to }) => {
  expect(addDays(day, days)).toBe(to)
  expect(daysBetween(day, to)).toBe(days)
})
