// Table tests for attempt rules: the limit, the delay between attempts, one open attempt, deadlines.
import { canStartAttempt, closingTime, deadlineOf, isPastDeadline, type PreviousAttempt } from './attempt-rules'

const now = new Date('2026-03-01T08:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)
const minutesFromNow = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
/** An attempt started `started` minutes ago and submitted `submitted` minutes ago (null: not submitted). */
const attempt = (started: number, submitted: number | null): PreviousAttempt => ({
  startedAt: minutesAgo(started),
  submittedAt: submitted === null ? null : minutesAgo(submitted),
})
const rules = { attemptsAllowed: 3, minDelayMinutes: 10 }

describe('canStartAttempt', () => {
  it.each([
    { case: 'a first attempt', rules, previous: [], verdict: { allowed: true } },
    { case: 'second attempt after the delay', rules, previous: [attempt(60, 30)], verdict: { allowed: true } },
    { case: 'exactly at the end of the delay', rules, previous: [attempt(30, 10)], verdict: { allowed: true } },
    {
      case: 'one minute inside the delay',
      rules,
      previous: [attempt(30, 9)],
      verdict: { allowed: false, reason: 'delay', nextAllowedAt: minutesFromNow(1) },
    },
    {
      case: 'the delay runs from the latest attempt, whatever the list order',
      rules,
      previous: [attempt(20, 5), attempt(120, 100)],
      verdict: { allowed: false, reason: 'delay', nextAllowedAt: minutesFromNow(5) },
    },
    {
      case: 'no delay configured',
      rules: { ...rules, minDelayMinutes: 0 },
      previous: [attempt(5, 0)],
      verdict: { allowed: true },
    },
    {
      case: 'the limit reached (3 of 3)',
      rules,
      previous: [attempt(300, 290), attempt(200, 190), attempt(100, 90)],
      verdict: { allowed: false, reason: 'limit', nextAllowedAt: null },
    },
    {
      case: 'the limit reached even inside the delay: never again, not in 10 minutes',
      rules,
      previous: [attempt(300, 290), attempt(200, 190), attempt(10, 5)],
      verdict: { allowed: false, reason: 'limit', nextAllowedAt: null },
    },
    {
      case: 'unlimited attempts (0) after many',
      rules: { ...rules, attemptsAllowed: 0 },
      previous: Array.from({ length: 20 }, (_, i) => attempt(1000 - i * 40, 990 - i * 40)),
      verdict: { allowed: true },
    },
    {
      case: 'an attempt in progress (untimed): finish it first',
      rules,
      previous: [attempt(5, null)],
      verdict: { allowed: false, reason: 'in-progress', nextAllowedAt: null },
    },
    {
      case: 'a timed attempt in progress: next allowed after its deadline and the delay',
      rules: { ...rules, timeLimitMinutes: 20 },
      previous: [attempt(5, null)],
      verdict: { allowed: false, reason: 'in-progress', nextAllowedAt: minutesFromNow(25) },
    },
    {
      case: 'an attempt in progress counts toward the limit (the 3rd of 3)',
      rules: { ...rules, timeLimitMinutes: 20 },
      previous: [attempt(300, 290), attempt(200, 190), attempt(5, null)],
      verdict: { allowed: false, reason: 'in-progress', nextAllowedAt: null },
    },
    {
      case: 'an unsubmitted timed attempt past its deadline is over, and the delay runs from the deadline',
      rules: { ...rules, timeLimitMinutes: 20 },
      previous: [attempt(25, null)],
      verdict: { allowed: false, reason: 'delay', nextAllowedAt: minutesFromNow(5) },
    },
    {
      case: 'an unsubmitted timed attempt whose deadline and delay have passed',
      rules: { ...rules, timeLimitMinutes: 20 },
      previous: [attempt(30, null)],
      verdict: { allowed: true },
    },
    {
      case: 'an unsubmitted timed attempt past its deadline still counts toward the limit',
      rules: { ...rules, attemptsAllowed: 1, timeLimitMinutes: 20 },
      previous: [attempt(300, null)],
      verdict: { allowed: false, reason: 'limit', nextAllowedAt: null },
    },
  ])('$case', ({ rules: r, previous, verdict }) => expect(canStartAttempt(r, previous, now)).toEqual(verdict))
})

describe('deadlines', () => {
  it.each([
    { limit: 20, deadline: new Date('2026-03-01T08:20:00Z') },
    { limit: 0.5, deadline: new Date('2026-03-01T08:00:30Z') },
    { limit: null, deadline: null },
    { limit: undefined, deadline: null },
  ])('a $limit-minute limit from 08:00 → $deadline', ({ limit, deadline }) => expect(deadlineOf(now, limit)).toEqual(deadline))

  it.each([
    { case: 'a minute before the deadline', started: 19, limit: 20, past: false },
    { case: 'exactly at the deadline', started: 20, limit: 20, past: true },
    { case: 'after the deadline', started: 21, limit: 20, past: true },
    { case: 'no time limit, long ago', started: 10_000, limit: null, past: false },
  ])('$case → past: $past', ({ started, limit, past }) =>
    expect(isPastDeadline({ startedAt: minutesAgo(started), timeLimitMinutes: limit }, now)).toBe(past),
  )

  it.each([
    { case: 'submitted in time: closed now', started: 10, limit: 20, closed: now },
    { case: 'found after the deadline: closed at the deadline', started: 30, limit: 20, closed: minutesAgo(10) },
    { case: 'untimed: closed now', started: 300, limit: null, closed: now },
  ])('$case', ({ started, limit, closed }) =>
    expect(closingTime({ startedAt: minutesAgo(started), timeLimitMinutes: limit }, now)).toEqual(closed),
  )
})
