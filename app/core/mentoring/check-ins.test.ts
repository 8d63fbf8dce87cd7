import { checkInSchedule, filtersOf, isPairingComplete, nextCheckIn, pairingFlags, type PairingFacts } from './check-ins'

const WEEKLY_THEN_FORTNIGHTLY = { weeklyForDays: 28, thenEveryDays: 14 }

describe('checkInSchedule', () => {
  it.each([
    {
      case: '90 days: weekly in the first month, then every two weeks',
      start: '2026-09-01', end: '2026-11-30', cadence: WEEKLY_THEN_FORTNIGHTLY,
      days: ['2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29', '2026-10-13', '2026-10-27', '2026-11-10', '2026-11-24'],
    },
    { case: 'extended to 120 days: two more', start: '2026-09-01', end: '2026-12-30', cadence: WEEKLY_THEN_FORTNIGHTLY, days: ['2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29', '2026-10-13', '2026-10-27', '2026-11-10', '2026-11-24', '2026-12-08', '2026-12-22'] },
    { case: 'fortnightly only', start: '2026-01-01', end: '2026-02-01', cadence: { weeklyForDays: 0, thenEveryDays: 14 }, days: ['2026-01-15', '2026-01-29'] },
    { case: 'a check-in on the last day counts', start: '2026-01-01', end: '2026-01-08', cadence: WEEKLY_THEN_FORTNIGHTLY, days: ['2026-01-08'] },
    { case: 'shorter than a week: one check-in on the end day', start: '2026-01-01', end: '2026-01-05', cadence: WEEKLY_THEN_FORTNIGHTLY, days: ['2026-01-05'] },
    { case: 'across February in a leap year', start: '2028-02-20', end: '2028-03-06', cadence: WEEKLY_THEN_FORTNIGHTLY, days: ['2028-02-27', '2028-03-05'] },
  ])('$case', ({ start, end, cadence, days }) => expect(checkInSchedule(start, end, cadence)).toEqual(days))
})

const base: PairingFacts = {
  status: 'active',
  startDay: '2026-11-01',
  plannedEndDay: '2027-01-30',
  cadence: WEEKLY_THEN_FORTNIGHTLY,
  checkInsDone: [],
  itemsTotal: 20,
  itemsSigned: 3,
  lastSignOffDay: '2026-11-05',
}
const limits = { stalledAfterDays: 14 }
// 10:00 in Shanghai on the given day
const at = (day: string) => new Date(`${day}T02:00:00Z`)

describe('pairingFlags (check-in 1 is due 2026-11-08)', () => {
  it.each([
    { case: 'on the due day itself: not overdue yet', facts: {}, now: '2026-11-08', flags: [] },
    { case: 'the day after: check-in 1 overdue by a day', facts: {}, now: '2026-11-09', flags: [{ kind: 'checkInOverdue', number: 1, dueDay: '2026-11-08', daysLate: 1 }] },
    { case: 'check-in 1 recorded: nothing due until 2026-11-15', facts: { checkInsDone: [1] }, now: '2026-11-12', flags: [] },
    { case: 'a skipped check-in stays the one flagged', facts: { checkInsDone: [2] }, now: '2026-11-16', flags: [{ kind: 'checkInOverdue', number: 1, dueDay: '2026-11-08', daysLate: 8 }] },
    { case: 'last sign-off 13 days ago: not stalled', facts: { checkInsDone: [1, 2] }, now: '2026-11-18', flags: [] },
    { case: 'last sign-off 14 days ago: stalled', facts: { checkInsDone: [1, 2] }, now: '2026-11-19', flags: [{ kind: 'stalled', sinceDay: '2026-11-05', days: 14 }] },
    { case: 'never signed: counted from the start day', facts: { checkInsDone: [1, 2], lastSignOffDay: null, itemsSigned: 0 }, now: '2026-11-15', flags: [{ kind: 'stalled', sinceDay: '2026-11-01', days: 14 }] },
    { case: 'every item signed: never stalled', facts: { checkInsDone: [1, 2], itemsSigned: 20 }, now: '2026-11-20', flags: [] },
    {
      case: 'both at once',
      facts: {},
      now: '2026-11-20',
      flags: [
        { kind: 'checkInOverdue', number: 1, dueDay: '2026-11-08', daysLate: 12 },
        { kind: 'stalled', sinceDay: '2026-11-05', days: 15 },
      ],
    },
    { case: 'a completed pairing has no flags', facts: { status: 'completed' as const }, now: '2027-03-01', flags: [] },
    { case: 'an ended (reassigned) pairing has no flags', facts: { status: 'ended' as const }, now: '2027-03-01', flags: [] },
  ])('$case', ({ facts, now, flags }) => expect(pairingFlags({ ...base, ...facts }, at(now), limits)).toEqual(flags))

  it('the day turns at midnight in Shanghai, not UTC', () => {
    expect(pairingFlags(base, new Date('2026-11-08T15:59:00Z'), limits)).toEqual([])
    expect(pairingFlags(base, new Date('2026-11-08T16:00:00Z'), limits)).toHaveLength(1)
  })

  it('the stalled limit is data', () => expect(pairingFlags({ ...base, checkInsDone: [1] }, at('2026-11-12'), { stalledAfterDays: 7 })).toEqual([{ kind: 'stalled', sinceDay: '2026-11-05', days: 7 }]))
})

describe('nextCheckIn and completion', () => {
  it.each([
    { done: [], next: { number: 1, dueDay: '2026-11-08' } },
    { done: [1, 2, 3], next: { number: 4, dueDay: '2026-11-29' } },
    { done: [1, 2, 3, 4, 5, 6, 7, 8], next: null },
  ])('done $done → next $next', ({ done, next }) => expect(nextCheckIn({ ...base, checkInsDone: done })).toEqual(next))

  it.each([
    { case: 'all items signed and the last check-in (8) done', signed: 20, done: [1, 2, 3, 4, 5, 6, 7, 8], complete: true },
    { case: 'the last check-in done but one item unsigned', signed: 19, done: [1, 2, 3, 4, 5, 6, 7, 8], complete: false },
    { case: 'every item signed but the last check-in not yet', signed: 20, done: [1, 2, 3, 4, 5, 6, 7], complete: false },
    { case: 'an empty checklist never completes', signed: 0, done: [1, 2, 3, 4, 5, 6, 7, 8], complete: false, total: 0 },
  ])('$case → $complete', ({ signed, done, complete, total }) =>
    expect(isPairingComplete({ ...base, itemsTotal: total ?? 20, itemsSigned: signed, checkInsDone: done })).toBe(complete))
})

describe('filtersOf', () => {
  it.each([
    { status: 'active' as const, flags: [], filters: ['on_track'] },
    { status: 'active' as const, flags: [{ kind: 'stalled' as const, sinceDay: '2026-01-01', days: 20 }], filters: ['stalled'] },
    {
      status: 'active' as const,
      flags: [
        { kind: 'checkInOverdue' as const, number: 2, dueDay: '2026-01-15', daysLate: 3 },
        { kind: 'stalled' as const, sinceDay: '2026-01-01', days: 20 },
      ],
      filters: ['checkin_overdue', 'stalled'],
    },
    { status: 'completed' as const, flags: [], filters: ['completed'] },
    { status: 'ended' as const, flags: [], filters: ['ended'] },
  ])('$status with $flags.length flag(s) → $filters', ({ status, flags, filters }) => expect(filtersOf(status, flags)).toEqual(filters))
})
