// The state of a certificate at an instant. Revoked and superseded are recorded events; expiring, expired
// and renewal due follow from dates: the expiry, and a course it rests on publishing a version marked
// `recertify` after the certificate was issued (the holder then has a grace period to re-read and re-pass).
import { addDays } from './window'

export type CertificateState = 'active' | 'expiring' | 'renewal-due' | 'expired' | 'revoked' | 'superseded'

export interface CertificateFacts {
  issuedAt: Date
  expiresAt: Date
  revokedAt: Date | null
  supersededAt: Date | null
  /** For every course the certificate rests on: the version number its evidence snapshot recorded. */
  courseVersions: Readonly<Record<string, number>>
}

export interface FlaggedVersion {
  courseId: string
  number: number
  publishedAt: Date
}

export interface CertificateStatus {
  state: CertificateState
  /** For renewal due: the last day of the grace period. */
  renewBy: Date | null
  /** For expiring: the reminder threshold reached (60, 30 or 7 days before). */
  reminderDays: number | null
}

/** The first flagged version published after issue of a course the certificate rests on, if any. */
export function renewalTrigger(facts: CertificateFacts, flagged: readonly FlaggedVersion[]): FlaggedVersion | null {
  const triggers = flagged
    .filter((v) => v.courseId in facts.courseVersions && v.number > facts.courseVersions[v.courseId] && v.publishedAt.getTime() > facts.issuedAt.getTime())
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
  return triggers[0] ?? null
}

export function certificateStatus(
  facts: CertificateFacts,
  flagged: readonly FlaggedVersion[],
  now: Date,
  policy: { renewalGraceDays: number; reminderDays: readonly number[] },
): CertificateStatus {
  const none = { renewBy: null, reminderDays: null }
  if (facts.revokedAt && facts.revokedAt.getTime() <= now.getTime()) return { state: 'revoked', ...none }
  if (facts.supersededAt && facts.supersededAt.getTime() <= now.getTime()) return { state: 'superseded', ...none }
  if (now.getTime() >= facts.expiresAt.getTime()) return { state: 'expired', ...none }
  const trigger = renewalTrigger(facts, flagged)
  if (trigger) {
    const renewBy = addDays(trigger.publishedAt, policy.renewalGraceDays)
    // past the grace period the certificate no longer holds: it lapses like an expired one
    return now.getTime() >= renewBy.getTime() ? { state: 'expired', ...none } : { state: 'renewal-due', renewBy, reminderDays: null }
  }
  const daysLeft = (facts.expiresAt.getTime() - now.getTime()) / 86_400_000
  const reached = [...policy.reminderDays].sort((a, b) => a - b).find((d) => daysLeft <= d)
  return reached === undefined ? { state: 'active', ...none } : { state: 'expiring', renewBy: null, reminderDays: reached }
}

/** States in which the certificate still counts as held (the level shows, mentoring may rely on it). */
export function isInForce(state: CertificateState): boolean {
  return state === 'active' || state === 'expiring' || state === 'renewal-due'
}
