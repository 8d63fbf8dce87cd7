// The export's arithmetic moment (hallMinute) against what the pages show (hallTime, Intl over the time-zone
// database), hallDayNumber against hallDay, and hallDay's kept answers against fresh ones when instants alternate as
// the managers' rows ask them.
import fc from 'fast-check'
import { hallTime } from '~/ui/time-text'
import { hallDay, hallDayNumber, hallMinute } from './dates'

it.each([
  { instant: '2026-03-01T15:59:59Z', shown: '2026-03-01 23:59' },
  { instant: '2026-03-01T16:00:00Z', shown: '2026-03-02 00:00' }, // midnight in Shanghai is 00, not 24
  { instant: '1991-07-01T12:00:00Z', shown: '1991-07-01 21:00' }, // summer time of 1991: through Intl
  { instant: '2024-02-28T16:00:00Z', shown: '2024-02-29 00:00' }, // leap days by arithmetic: every fourth year,
  { instant: '2000-02-28T16:05:00Z', shown: '2000-02-29 00:05' }, // every fourth century,
  { instant: '2100-02-28T16:00:00Z', shown: '2100-03-01 00:00' }, // but not the other centuries
  { instant: '2026-12-31T15:59:00Z', shown: '2026-12-31 23:59' },
  { instant: '2026-12-31T16:00:00Z', shown: '2027-01-01 00:00' },
])('hallMinute $instant → $shown', ({ instant, shown }) => {
  expect(hallMinute(new Date(instant))).toBe(shown)
  expect(hallTime(instant)).toBe(shown)
})

it('hallMinute shows what hallTime shows, for any instant from 1900 to 2200', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => hallMinute(new Date(t)) === hallTime(new Date(t))),
    { numRuns: 2000 },
  )
})

it('hallDay gives the same day whatever was asked before it (its kept answers never leak)', () => {
  const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
  fc.assert(
    fc.property(fc.array(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2100, 0, 1) }), { minLength: 1, maxLength: 20 }), (times) =>
      times.every((t) => hallDay(new Date(t)) === zone.format(new Date(t))),
    ),
  )
  const now = Date.UTC(2026, 5, 1, 3)
  for (const hire of [Date.UTC(2026, 4, 31, 17), Date.UTC(2020, 0, 1), Date.UTC(2026, 4, 31, 15)]) {
    expect(hallDay(new Date(now))).toBe('2026-06-01')
    expect(hallDay(new Date(hire))).toBe(zone.format(new Date(hire)))
  }
})

it('hallDayNumber counts the days to the hall day hallDay names, for any instant from 1900 to 2200', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => hallDayNumber(new Date(t)) * 86_400_000 === Date.parse(`${hallDay(new Date(t))}T00:00:00Z`)),
    { numRuns: 2000 },
  )
})
