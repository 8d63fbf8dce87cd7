// The zod form of parseCalendarDate, for every form with a typed date. Kept apart from calendar-date.ts so a
// route's browser code can use the parser without pulling zod into the bundle.
import { z } from 'zod'
import { parseCalendarDate } from './calendar-date'

/** Catalogue keys for each problem; the defaults are in the `calendar` section of the catalogues. */
export interface CalendarDateMessages {
  required?: string
  format?: string
  month?: string
  day?: string
}

const DEFAULTS: Required<CalendarDateMessages> = {
  required: 'calendar.required',
  format: 'calendar.format',
  month: 'calendar.noSuchMonth',
  day: 'calendar.noSuchDay',
}

/** A "YYYY-MM-DD" string that names a real day (trimmed); otherwise one issue whose message is a catalogue key. */
export function calendarDateSchema(messages: CalendarDateMessages = {}) {
  const m = { ...DEFAULTS, ...messages }
  return z.string({ required_error: m.required, invalid_type_error: m.format }).transform((text, ctx) => {
    const parsed = parseCalendarDate(text)
    if (parsed.ok) return parsed.day
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: text.trim() === '' ? m.required : m[parsed.reason] })
    return z.NEVER
  })
}
