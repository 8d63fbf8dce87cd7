// "The last N months" as the halls count them: the N calendar months ending with the current one
// (Asia/Shanghai). A day or a month inside that span counts; one day earlier does not.
import { hallDay } from '../dates'

// Eligibility asks "which day is it" once per evidence item; formatting a date in a time zone is the cost,
// so the last instant's day is remembered (same input, same answer: still a pure function).
let remembered: { time: number; day: string } | null = null
function today(now: Date): string {
  if (remembered?.time !== now.getTime()) remembered = { time: now.getTime(), day: hallDay(now) }
  return remembered.day
}

export function monthOf(day: string): string {
  return day.slice(0, 7)
}

const starts = new Map<string, string>()

/** The month N-1 months before the current one: the first month of the window. */
export function windowStartMonth(now: Date, months: number): string {
  const key = `${today(now)}|${months}`
  let start = starts.get(key)
  if (start === undefined) {
    if (starts.size > 100) starts.clear()
    start = computeStartMonth(today(now), months)
    starts.set(key, start)
  }
  return start
}

function computeStartMonth(day: string, months: number): string {
  const [year, month] = day.split('-').map(Number)
  const index = year * 12 + (month - 1) - (months - 1)
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export function isMonthInWindow(month: string, now: Date, months: number): boolean {
  return month >= windowStartMonth(now, months) && month <= monthOf(today(now))
}

export function isDayInWindow(day: string, now: Date, months: number): boolean {
  return isMonthInWindow(monthOf(day), now, months) && day <= today(now)
}

/** Whole months added to an instant (the day of month clamped: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(instant: Date, months: number): Date {
  const result = new Date(instant.getTime())
  const day = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(day, last))
  return result
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 86_400_000)
}
