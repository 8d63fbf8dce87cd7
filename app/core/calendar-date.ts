// Dates people type (due days, hire dates, valid-until): a day that exists on the calendar, or a reason why not.
// `new Date('2027-02-30')` rolls over to 2 March and `Date.parse` accepts it: neither may judge typed dates.

export type CalendarDateResult = { ok: true; day: string } | { ok: false; reason: 'format' | 'month' | 'day' }

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** "2027-02-28" → ok; "2027-02-30" → day; "2027-13-01" → month; anything not YYYY-MM-DD (or year 0) → format. */
export function parseCalendarDate(text: unknown): CalendarDateResult {
  if (typeof text !== 'string') return { ok: false, reason: 'format' }
  const match = SHAPE.exec(text.trim())
  if (!match) return { ok: false, reason: 'format' }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1) return { ok: false, reason: 'format' }
  if (month < 1 || month > 12) return { ok: false, reason: 'month' }
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'day' }
  return { ok: true, day: match[0] }
}

/** True when the text is a real calendar day in YYYY-MM-DD. */
export function isCalendarDate(text: unknown): text is string {
  return parseCalendarDate(text).ok
}
