import { delayAfter, signInVerdict, stricter, SIGN_IN_LIMIT } from './sign-in-limit'

const now = new Date('2026-03-01T08:00:00Z')
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000)
const minutesAgo = (m: number) => secondsAgo(m * 60)

describe('delayAfter: free attempts, then 30 s doubling up to 15 minutes', () => {
  it.each([
    { failures: 0, seconds: 0 },
    { failures: 4, seconds: 0 },
    { failures: 5, seconds: 30 },
    { failures: 6, seconds: 60 },
    { failures: 7, seconds: 120 },
    { failures: 10, seconds: 900 }, // 960 capped
    { failures: 60, seconds: 900 },
    { failures: 5000, seconds: 900 }, // no overflow to Infinity or NaN
  ])('$failures failures → wait $seconds s', ({ failures, seconds }) => expect(delayAfter(failures, 5)).toBe(seconds))
})

describe('signInVerdict (counted from the latest failure inside the window)', () => {
  it.each([
    { case: 'no failures', failures: [], verdict: { allowed: true } },
    { case: '4 failures just now', failures: [0, 0, 0, 0].map(secondsAgo), verdict: { allowed: true } },
    { case: '5 failures, the last 10 s ago → 20 s more', failures: [50, 40, 30, 20, 10].map(secondsAgo), verdict: { allowed: false, retryAfterSeconds: 20 } },
    { case: '5 failures, the last 31 s ago → free', failures: [90, 80, 70, 60, 31].map(secondsAgo), verdict: { allowed: true } },
    { case: '7 failures, the last 1 min ago → 1 min more', failures: [9, 8, 7, 6, 5, 2, 1].map(minutesAgo), verdict: { allowed: false, retryAfterSeconds: 60 } },
    {
      case: 'failures older than the window do not count',
      failures: [SIGN_IN_LIMIT.windowMinutes, SIGN_IN_LIMIT.windowMinutes + 5, 0.1, 0.1, 0.1].map(minutesAgo),
      verdict: { allowed: true },
    },
    { case: 'a failure in the future (clock skew) counts as now', failures: [-5, 0, 0, 0, 0].map(secondsAgo), verdict: { allowed: false, retryAfterSeconds: 30 } },
  ])('$case', ({ failures, verdict }) => {
    expect(signInVerdict(failures, 5, now)).toEqual(verdict)
  })

  it('never asks to wait less than a second', () => {
    const failures = [29.9, 40, 40, 40, 40].map(secondsAgo)
    expect(signInVerdict(failures, 5, now)).toEqual({ allowed: false, retryAfterSeconds: 1 })
  })
})

describe('stricter', () => {
  it.each([
    { a: { allowed: true } as const, b: { allowed: true } as const, out: { allowed: true } },
    { a: { allowed: true } as const, b: { allowed: false, retryAfterSeconds: 9 } as const, out: { allowed: false, retryAfterSeconds: 9 } },
    { a: { allowed: false, retryAfterSeconds: 30 } as const, b: { allowed: false, retryAfterSeconds: 9 } as const, out: { allowed: false, retryAfterSeconds: 30 } },
  ])('$a + $b → $out', ({ a, b, out }) => expect(stricter(a, b)).toEqual(out))
})
