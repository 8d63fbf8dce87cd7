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
 * Cookies carry `Secure` under `npm start` whatever else is set (it sets no NODE_ENV; nothing but demo mode turns
 * it off): only the demo (`npm run demo`, DEMO_MODE=1, served over plain http to phones on the hall's network)
 * and the development server (`npm run dev`) go without. Browsers keep Secure cookies from http://localhost and
 * http://127.0.0.1, so the browser tests and benches need no exception; the node-side ones send cookies themselves.
 */
export function secureCookies(env: Record<string, string | undefined>): boolean {
  return env.DEMO_MODE !== '1' && env.NODE_ENV !== 'development'
}
