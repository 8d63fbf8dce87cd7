// The per-address limit on /verify look-ups: counted and charged in ONE transaction, so parallel requests
// from one address cannot all slip under the limit. Codes are 100 random bits; the limit stops scanning.
import { signInVerdict, type SignInVerdict } from '~/core/sign-in-limit'
import { checkThenWrite } from '../db.server'

/** 60 look-ups per address in 10 minutes are free; past that each look-up doubles the wait (1 min … 10 min). */
export const VERIFY_LIMIT = { windowMinutes: 10, freePerPair: 60, freePerAddress: 60, firstDelaySeconds: 60, maxDelaySeconds: 600 }

export async function chargeVerifyLookup(address: string, now: Date): Promise<SignInVerdict> {
  const since = new Date(now.getTime() - VERIFY_LIMIT.windowMinutes * 60_000)
  return checkThenWrite(async (tx) => {
    const recent = await tx.verifyLookup.findMany({ where: { address, createdAt: { gt: since } }, select: { createdAt: true } })
    const verdict = signInVerdict(
      recent.map((r) => r.createdAt),
      VERIFY_LIMIT.freePerAddress,
      now,
      VERIFY_LIMIT,
    )
    if (verdict.allowed) {
      await tx.verifyLookup.deleteMany({ where: { createdAt: { lt: since } } })
      await tx.verifyLookup.create({ data: { address, createdAt: now } })
    }
    return verdict
  })
}
