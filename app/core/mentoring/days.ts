// Calendar days ("YYYY-MM-DD", a day in Asia/Shanghai) for pairings: start, planned end, check-in days.
import { isCalendarDate } from '../calendar-date'
// Pure arithmetic on the date string: a day is 24 h in UTC, so no clock and no time zone enters here.

const DAY_MS = 86_400_000

/** True for a real calendar day: "2026-02-28" yes, "2026-02-30" and "2026-13-01" no. */
/** A real day of the calendar, YYYY-MM-DD: the one parser in calendar-date.ts decides. */
export function isCalendarDay(value: string): boolean {
  return isCalendarDate(value)
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}
