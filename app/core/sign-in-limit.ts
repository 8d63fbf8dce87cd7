// How failed sign-ins slow further attempts. Failures are counted per (username, client address) pair, so a
// stranger guessing a clerk's password slows only themselves, never the clerk at her own counter; and per
// address with a much higher allowance, against one address guessing across many usernames (a hall behind
// one NAT stays far below it). Past the allowance each failure doubles the wait, up to a ceiling: a delay,
// not a lock (see docs/decisions/0006-sec-sessions-and-sign-in-limit.md).
export interface SignInLimitPolicy {
  /** Failures are remembered this long. */
  windowMinutes: number
  /** Failures per (username, address) in the window before attempts are slowed. */
  freePerPair: number
  /** Failures per address, across usernames, before attempts from it are slowed. */
  freePerAddress: number
  /** The first wait; each further failure doubles it. */
  firstDelaySeconds: number
  maxDelaySeconds: number
}

export const SIGN_IN_LIMIT: SignInLimitPolicy = {
  windowMinutes: 60,
  freePerPair: 5,
  freePerAddress: 100,
  firstDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
}

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** Seconds to wait after `failures` failures when `free` are allowed without waiting. */
export function delayAfter(failures: number, free: number, policy = SIGN_IN_LIMIT): number {
  if (failures < free) return 0
  const doublings = Math.min(failures - free, 30) // 2^30 × 30 s is far past any ceiling
  return Math.min(policy.firstDelaySeconds * 2 ** doublings, policy.maxDelaySeconds)
}

/** Given the times of recent failures for one key, may another attempt be made now? */
export function signInVerdict(failures: readonly Date[], free: number, now: Date, policy = SIGN_IN_LIMIT): SignInVerdict {
  const windowStart = now.getTime() - policy.windowMinutes * 60_000
  const recent = failures.map((d) => Math.min(d.getTime(), now.getTime())).filter((t) => t > windowStart)
  const wait = delayAfter(recent.length, free, policy)
  if (wait === 0) return { allowed: true }
  const freeAt = Math.max(...recent) + wait * 1000
  if (freeAt <= now.getTime()) return { allowed: true }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) }
}

/** The stricter of two verdicts (the pair's and the address's). */
export function stricter(a: SignInVerdict, b: SignInVerdict): SignInVerdict {
  if (a.allowed) return b
  if (b.allowed) return a
  return a.retryAfterSeconds >= b.retryAfterSeconds ? a : b
}
