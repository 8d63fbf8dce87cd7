// Calendar days as the halls see them: every date shown or compared is a day in Asia/Shanghai.
export const HALL_TIME_ZONE = 'Asia/Shanghai'

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: HALL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** "2026-03-01" for any instant of that day in Shanghai. */
export function hallDay(instant: Date | string): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant)
}
