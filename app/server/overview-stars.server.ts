// The managers' overview's stars and mentoring (issue 17): the star-level mix of each child unit's learners, the
// certificates expiring within 60 days, and the unit's pairings on track / behind on check-ins / stalled. The
// facts come from their own modules (certificates, pairing lists, the ladder); the figures from app/core.
import { hallDay } from '~/core/dates'
import { expiringCertificates, pairingFigures, starLevels, starMix } from '~/core/overview-stars'
import { certificatesInForceUnder } from './certificates.server'
import { activePairingsUnder } from './pairing-lists.server'
import { currentLadder } from './stars/ladder.server'

const EXPIRING_SHOWN = 10

export async function starsAndPairingsUnder(
  unitPath: string,
  learners: ReadonlyArray<{ id: string; group: string }>,
  groups: readonly string[],
  now: Date,
) {
  const [ladder, certificates, pairings] = await Promise.all([currentLadder(), certificatesInForceUnder(unitPath, now), activePairingsUnder(unitPath, now)])
  const topLevel = ladder?.ladder.levels.length ?? 0
  const expiring = expiringCertificates(certificates, now)
  return {
    topLevel,
    mix: topLevel ? starMix(learners, starLevels(certificates), groups, topLevel) : [],
    expiring: expiring.slice(0, EXPIRING_SHOWN).map((c) => ({ username: c.user.username, name: c.user.name, level: c.level, expires: hallDay(c.expiresAt) })),
    expiringTotal: expiring.length,
    pairings: pairingFigures(pairings),
  }
}

export type StarsAndPairings = Awaited<ReturnType<typeof starsAndPairingsUnder>>
