// Calendar days as the halls see them: every date shown or compared is a day in Asia/Shanghai.
export const HALL_TIME_ZONE = 'Asia/Shanghai'

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: HALL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** "2026-03-01" for any instant of that day in Shanghai. */
export function hallDay(instant: Date | string): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant)
}

/** A real calendar day written YYYY-MM-DD: "2027-02-30" and "2026-13-01" are refused (Date.parse accepts the first). */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return false
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const instant = new Date(Date.UTC(year, month - 1, date))
  return instant.getUTCFullYear() === year && instant.getUTCMonth() === month - 1 && instant.getUTCDate() === date
}
