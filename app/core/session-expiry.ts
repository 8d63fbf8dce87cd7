// When a signed-in session ends: after a spell of inactivity (idle) or a fixed time after sign-in (absolute),
// whichever comes first. Settings come from the environment; the rules take them and `now` as arguments.
export interface SessionPolicy {
  idleMinutes: number
  absoluteHours: number
  /** "Last seen" is written at most this often, so that reading pages does not write on every request. */
  touchEverySeconds: number
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 120, absoluteHours: 12, touchEverySeconds: 60 }

function positive(text: string | undefined, fallback: number): number {
  const value = Number(text)
  return text && Number.isFinite(value) && value > 0 ? value : fallback
}

/** SESSION_IDLE_MINUTES (120) and SESSION_MAX_HOURS (12, one working day). */
export function sessionPolicyFrom(env: Record<string, string | undefined>): SessionPolicy {
  const idleMinutes = positive(env.SESSION_IDLE_MINUTES, DEFAULT_SESSION_POLICY.idleMinutes)
  return {
    idleMinutes,
    absoluteHours: positive(env.SESSION_MAX_HOURS, DEFAULT_SESSION_POLICY.absoluteHours),
    // a touch interval longer than the idle limit would let a busy session go idle between touches
    touchEverySeconds: Math.min(DEFAULT_SESSION_POLICY.touchEverySeconds, idleMinutes * 6),
  }
}

export type SessionState = 'live' | 'idle' | 'expired'

export function sessionState(session: { lastSeenAt: Date; expiresAt: Date }, now: Date, policy: SessionPolicy): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired'
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return 'idle'
  return 'live'
}

export function needsTouch(lastSeenAt: Date, now: Date, policy: SessionPolicy): boolean {
  return now.getTime() - lastSeenAt.getTime() >= policy.touchEverySeconds * 1000
}

export function newSessionTimes(now: Date, policy: SessionPolicy): { lastSeenAt: Date; expiresAt: Date } {
  return { lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000) }
}

/**
 * Cookies carry `Secure` by default (`npm start` sets no NODE_ENV); only development, tests and the demo
 * over plain http (INSECURE_COOKIES=1) go without.
 */
export function secureCookies(env: Record<string, string | undefined>): boolean {
  if (env.INSECURE_COOKIES === '1') return false
  return env.NODE_ENV !== 'development' && env.NODE_ENV !== 'test'
}
