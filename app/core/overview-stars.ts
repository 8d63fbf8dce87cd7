// The overview's star and mentoring figures (issue 17), from facts read elsewhere: the star-level mix of each
// unit's learners (level 0: no certificate in force), the certificates in force that expire within 60 days, and
// how many pairings are on track, behind on their check-ins or stalled. Pure: `now` is passed in.
import type { PairingFilter } from './mentoring/check-ins'
import { isInForce, type CertificateState } from './stars/certificate-status'

export const EXPIRING_WITHIN_DAYS = 60
const DAY = 86_400_000

export interface CertificateFact {
  userId: string
  level: number
  expiresAt: Date
  state: CertificateState
}

/** Each learner's highest level among the certificates in force; learners without one are absent. */
export function starLevels(certificates: readonly CertificateFact[]): Map<string, number> {
  const levels = new Map<string, number>()
  for (const c of certificates) if (isInForce(c.state) && c.level > (levels.get(c.userId) ?? 0)) levels.set(c.userId, c.level)
  return levels
}

/**
 * Per group (a child unit of the overview), how many of its learners hold each level: `counts[0]` those with no
 * certificate in force, `counts[n]` those at n stars, for n up to `topLevel` (the ladder's highest level).
 */
export function starMix(
  learners: ReadonlyArray<{ id: string; group: string }>,
  levels: ReadonlyMap<string, number>,
  groups: readonly string[],
  topLevel: number,
): Array<{ group: string; counts: number[] }> {
  const mix = new Map(groups.map((g) => [g, Array.from({ length: topLevel + 1 }, () => 0)]))
  for (const learner of learners) {
    const counts = mix.get(learner.group)
    if (counts) counts[Math.min(levels.get(learner.id) ?? 0, topLevel)] += 1
  }
  return groups.map((group) => ({ group, counts: mix.get(group)! }))
}

/** Certificates in force whose validity ends within the next `days` days (not already past), soonest first. */
export function expiringCertificates<C extends CertificateFact>(certificates: readonly C[], now: Date, days = EXPIRING_WITHIN_DAYS): C[] {
  const until = now.getTime() + days * DAY
  return certificates
    .filter((c) => isInForce(c.state) && c.expiresAt.getTime() > now.getTime() && c.expiresAt.getTime() <= until)
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.userId.localeCompare(b.userId))
}

export const PAIRING_FIGURES = ['on_track', 'checkin_overdue', 'stalled'] as const satisfies readonly PairingFilter[]

/** How many pairings show under each of the overview's three filters (a pairing may show under two). */
export function pairingFigures(pairings: ReadonlyArray<{ filters: readonly PairingFilter[] }>): Record<(typeof PAIRING_FIGURES)[number], number> {
  const count = (f: PairingFilter) => pairings.filter((p) => p.filters.includes(f)).length
  return { on_track: count('on_track'), checkin_overdue: count('checkin_overdue'), stalled: count('stalled') }
}
