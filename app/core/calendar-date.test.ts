import { parseCalendarDate } from './calendar-date'
import { calendarDateSchema } from './calendar-date-schema'

describe('parseCalendarDate: a day that exists on the calendar, typed as YYYY-MM-DD', () => {
  it.each([
    { text: '2027-02-28', result: { ok: true, day: '2027-02-28' } },
    { text: '2028-02-29', result: { ok: true, day: '2028-02-29' } }, // leap year
    { text: '2000-02-29', result: { ok: true, day: '2000-02-29' } }, // divisible by 400
    { text: ' 2027-12-31 ', result: { ok: true, day: '2027-12-31' } }, // spaces around are dropped
    { text: '2027-02-29', result: { ok: false, reason: 'day' } },
    { text: '2027-02-30', result: { ok: false, reason: 'day' } },
    { text: '2027-04-31', result: { ok: false, reason: 'day' } },
    { text: '1900-02-29', result: { ok: false, reason: 'day' } }, // century, not a leap year
    { text: '2027-01-00', result: { ok: false, reason: 'day' } },
    { text: '2027-13-01', result: { ok: false, reason: 'month' } },
    { text: '2027-00-10', result: { ok: false, reason: 'month' } },
    { text: '2027-2-3', result: { ok: false, reason: 'format' } },
    { text: '03/02/2027', result: { ok: false, reason: 'format' } },
    { text: '2027-02-03T00:00', result: { ok: false, reason: 'format' } },
    { text: '', result: { ok: false, reason: 'format' } },
    { text: '０２０２７-02-03', result: { ok: false, reason: 'format' } },
    { text: '0000-01-01', result: { ok: false, reason: 'format' } },
  ])('$text → $result', ({ text, result }) => expect(parseCalendarDate(text)).toEqual(result))

  it('refuses what is not a string', () => {
    expect(parseCalendarDate(undefined)).toEqual({ ok: false, reason: 'format' })
    expect(parseCalendarDate(20270203)).toEqual({ ok: false, reason: 'format' })
  })
})

describe('calendarDateSchema (zod, for forms)', () => {
  it('passes a real day and names the problem of an impossible one', () => {
    const schema = calendarDateSchema()
    expect(schema.parse('2027-02-28')).toBe('2027-02-28')
    const refused = schema.safeParse('2027-02-30')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0].message).toBe('calendar.noSuchDay')
    expect(schema.safeParse('2027-13-01').error?.issues[0].message).toBe('calendar.noSuchMonth')
    expect(schema.safeParse('tomorrow').error?.issues[0].message).toBe('calendar.format')
  })

  it('takes the form\'s own message keys', () => {
    const schema = calendarDateSchema({ required: 'assign.dueRequired', day: 'assign.dueInvalid' })
    expect(schema.safeParse(undefined).error?.issues[0].message).toBe('assign.dueRequired')
    expect(schema.safeParse('2027-04-31').error?.issues[0].message).toBe('assign.dueInvalid')
  })
})
