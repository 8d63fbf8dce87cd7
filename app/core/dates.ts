// Calendar days as the halls see them: every date shown or compared is a day in Asia/Shanghai.
import { isCalendarDate } from './calendar-date'
export const HALL_TIME_ZONE = 'Asia/Shanghai'

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: HALL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** "2026-03-01" for any instant of that day in Shanghai. */
export function hallDay(instant: Date | string): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant)
}

/** A real calendar day written YYYY-MM-DD: "2027-02-30" and "2026-13-01" are refused (Date.parse accepts the first). */
/** A real day of the calendar, YYYY-MM-DD: the one parser in calendar-date.ts decides. */
export function isCalendarDay(day: string): boolean {
  return isCalendarDate(day)
}
