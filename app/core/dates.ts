// Calendar days as the halls see them: every date shown or compared is a day in Asia/Shanghai.
import { isCalendarDate } from './calendar-date'
export const HALL_TIME_ZONE = 'Asia/Shanghai'

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: HALL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

// Shanghai has kept UTC+8 without summer time since 1991: from 1992 on the day is plain arithmetic, which the
// managers' pages ask for tens of thousands of times per view (Intl's formatter costs ~20 µs a call); before, Intl.
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1)
const OFFSET_MS = 8 * 3_600_000

/** "2026-03-01" for any instant of that day in Shanghai. */
export function hallDay(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  const time = date.getTime()
  // the managers' rows ask for the same instant (today) once per learner and course, between each learner's hire
  // date: the last two answers are kept, the latest first
  if (time === recent[0].time) return recent[0].day
  if (time === recent[1].time) {
    ;[recent[0], recent[1]] = [recent[1], recent[0]]
    return recent[0].day
  }
  const day = time >= FIXED_OFFSET_SINCE && time < LAST_MS ? new Date(time + OFFSET_MS).toISOString().slice(0, 10) : dayFormat.format(date)
  recent[1] = recent[0]
  recent[0] = { time, day }
  return day
}

const LAST_MS = 253_402_300_800_000 - OFFSET_MS // the ISO form holds years up to 9999
const recent = [
  { time: Number.NaN, day: '' },
  { time: Number.NaN, day: '' },
]

/** A real calendar day written YYYY-MM-DD: "2027-02-30" and "2026-13-01" are refused (Date.parse accepts the first). */
/** A real day of the calendar, YYYY-MM-DD: the one parser in calendar-date.ts decides. */
export function isCalendarDay(day: string): boolean {
  return isCalendarDate(day)
}

const OPENS_MS = 8.5 * 3_600_000 // 08:30 in the hall's zone
const OPEN_FOR_MS = 12 * 3_600_000 // until 20:30
const DAY_MS = 86_400_000

/**
 * The same hall day's moment during opening hours (08:30–20:30 Shanghai), at the same fraction of the day: the
 * demo history's reads and attempts happen when clerks are at work, not at 03:49. A moment that would move past
 * `notAfter` (today's history) is kept as it is.
 */
export function duringOpeningHours(at: Date, notAfter: Date): Date {
  const local = at.getTime() + OFFSET_MS
  const into = ((local % DAY_MS) + DAY_MS) % DAY_MS
  const moved = new Date(local - into + OPENS_MS + (into / DAY_MS) * OPEN_FOR_MS - OFFSET_MS)
  return moved <= notAfter ? moved : at
}

const minuteFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: HALL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })

/**
 * "2026-03-01 14:05": the moment as hallTime (app/ui/time-text.tsx) shows it, by arithmetic from 1992 on — the whole
 * people export writes one per row, and Intl's formatter would cost more than the rest of the row.
 */
export function hallMinute(instant: Date): string {
  const time = instant.getTime()
  if (time < FIXED_OFFSET_SINCE || time >= LAST_MS) return minuteFormat.format(instant).replace(/\//g, '-')
  // the civil date of a day count (H. Hinnant's days_from_civil, inverted): no Date, no ISO string to cut
  const local = time + OFFSET_MS
  const days = Math.floor(local / DAY_MS)
  const minutes = Math.floor((local - days * DAY_MS) / 60_000)
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  const hour = Math.floor(minutes / 60)
  const minute = minutes - hour * 60
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day} ${hour < 10 ? '0' : ''}${hour}:${minute < 10 ? '0' : ''}${minute}`
}

/**
 * The hall's calendar day of an instant as a count of days since 1970-01-01 (the day hallDay names): differences of
 * these are whole days between hall days. Arithmetic from 1992 on (no strings, no parsing: the managers' rows ask it
 * of every learner's hire date), through hallDay before.
 */
export function hallDayNumber(instant: Date): number {
  const time = instant.getTime()
  if (time >= FIXED_OFFSET_SINCE && time < LAST_MS) return Math.floor((time + OFFSET_MS) / DAY_MS)
  return Math.round(Date.parse(`${hallDay(instant)}T00:00:00Z`) / DAY_MS)
}
