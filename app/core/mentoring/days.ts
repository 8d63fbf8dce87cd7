// Calendar days ("YYYY-MM-DD", a day in Asia/Shanghai) for pairings: start, planned end, check-in days.
// Pure arithmetic on the date string: a day is 24 h in UTC, so no clock and no time zone enters here.

const DAY_MS = 86_400_000

/** True for a real calendar day: "2026-02-28" yes, "2026-02-30" and "2026-13-01" no. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [year, month, day] = value.split('-').map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}
