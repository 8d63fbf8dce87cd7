import { signInVerdict, stricter } from './sign-in-limit'

const now = new Date('2026-03-01T08:00:00Z')
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)

describe('signInVerdict (5 failures in 15 minutes lock the key)', () => {
  it.each([
    { case: 'no failures', failures: [], verdict: { allowed: true } },
    { case: '4 failures', failures: [1, 2, 3, 4].map(minutesAgo), verdict: { allowed: true } },
    {
      case: '5 failures, oldest 10 min ago → wait 5 min',
      failures: [10, 8, 6, 4, 2].map(minutesAgo),
      verdict: { allowed: false, retryAfterSeconds: 300 },
    },
    {
      case: '5 failures but one is outside the window',
      failures: [16, 8, 6, 4, 2].map(minutesAgo),
      verdict: { allowed: true },
    },
    {
      case: '7 failures: unlock when only 4 remain in the window (3rd oldest leaves)',
      failures: [14, 13, 12, 11, 3, 2, 1].map(minutesAgo),
      verdict: { allowed: false, retryAfterSeconds: 3 * 60 },
    },
    { case: 'failure exactly 15 min ago no longer counts', failures: [15, 4, 3, 2, 1].map(minutesAgo), verdict: { allowed: true } },
  ])('$case', ({ failures, verdict }) => {
    expect(signInVerdict(failures, 5, now)).toEqual(verdict)
  })

  it('never asks to wait less than a second', () => {
    const failures = [15 - 1 / 600, 1, 1, 1, 1].map(minutesAgo)
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
