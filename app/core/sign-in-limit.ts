// How many failed sign-ins are tolerated before a username or a client address must wait, and for how long.
export interface SignInLimitPolicy {
  /** Failures counted within this window. */
  windowMinutes: number
  /** Failures per username in the window before it is locked. */
  maxPerUser: number
  /** Failures per client address in the window before it is locked (guessing across many usernames). */
  maxPerAddress: number
}

export const SIGN_IN_LIMIT: SignInLimitPolicy = { windowMinutes: 15, maxPerUser: 5, maxPerAddress: 30 }

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * Given the times of recent failures for one key, may another attempt be made now?
 * Locked once `max` failures lie inside the window; free again when the oldest of the last `max` leaves it.
 */
export function signInVerdict(failures: readonly Date[], max: number, now: Date, policy = SIGN_IN_LIMIT): SignInVerdict {
  const windowMs = policy.windowMinutes * 60_000
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => a - b)
  if (recent.length < max) return { allowed: true }
  const unlockAt = recent[recent.length - max] + windowMs
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 1000)) }
}

/** The stricter of two verdicts (the username's and the address's). */
export function stricter(a: SignInVerdict, b: SignInVerdict): SignInVerdict {
  if (a.allowed) return b
  if (b.allowed) return a
  return a.retryAfterSeconds >= b.retryAfterSeconds ? a : b
}
