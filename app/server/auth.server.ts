// Sign-in: password check (scrypt off the main thread, bcrypt hashes from before rehashed), and the limit on failures per (username, address) and per address.
// The limit is checked and charged in ONE transaction before the password is compared, and the charge is
// refunded when the password is right: parallel guesses each see the ones before them (issue 13, finding 1).
import { SIGN_IN_LIMIT, signInVerdict, stricter, type SignInLimitPolicy, type SignInVerdict } from '~/core/sign-in-limit'
import { checkThenWrite, prisma } from './db.server'
import { hashPassword, verifyPassword } from './password-hash.server'

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }

// Usernames (工号) are letters, digits and ._- only, so "|" cannot occur in one that exists.
export const pairPrefix = (username: string) => `pair:${username.trim().toLowerCase()}|`
const pairKey = (username: string, address: string) => `${pairPrefix(username)}${address}`
const addressKey = (address: string) => `ip:${address}`

/**
 * Checks the limit and, when the attempt may go ahead, records it as a failure in the same transaction
 * (SQLite runs one write transaction at a time; on PostgreSQL the Serializable level gives the same).
 * Returns the verdict and the ids of the rows to delete should the password prove right.
 */
async function chargeAttempt(username: string, address: string, now: Date, policy: SignInLimitPolicy) {
  const keys = { pair: pairKey(username, address), address: addressKey(address) }
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000)
  return checkThenWrite(
    async (tx): Promise<{ verdict: SignInVerdict; charged: number[] }> => {
      const rows = await tx.signInFailure.findMany({
        where: { key: { in: [keys.pair, keys.address] }, createdAt: { gt: since } },
        select: { key: true, createdAt: true },
      })
      const times = (key: string) => rows.filter((r) => r.key === key).map((r) => r.createdAt)
      const verdict = stricter(
        signInVerdict(times(keys.pair), policy.freePerPair, now, policy),
        signInVerdict(times(keys.address), policy.freePerAddress, now, policy),
      )
      if (!verdict.allowed) return { verdict, charged: [] }
      await tx.signInFailure.deleteMany({ where: { createdAt: { lte: since } } })
      const pair = await tx.signInFailure.create({ data: { key: keys.pair, createdAt: now }, select: { id: true } })
      const perAddress = await tx.signInFailure.create({ data: { key: keys.address, createdAt: now }, select: { id: true } })
      return { verdict, charged: [pair.id, perAddress.id] }
    },
  )
}

/** Checks a username (工号) and password. Unknown user and wrong password give the same answer. */
export async function signIn(
  username: string,
  password: string,
  address: string,
  now = new Date(),
  policy: SignInLimitPolicy = SIGN_IN_LIMIT,
): Promise<SignInResult> {
  const { verdict, charged } = await chargeAttempt(username, address, now, policy)
  if (!verdict.allowed) return { ok: false, reason: 'locked', retryAfterSeconds: verdict.retryAfterSeconds }
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, passwordHash: true, active: true } })
  const { matches, rehash } = await verifyPassword(password, user?.passwordHash ?? null)
  if (!(user && user.active && matches)) return { ok: false, reason: 'invalid' }
  // Hashed before the transaction (it takes ~100 ms on the threadpool); written with the refund in one transaction,
  // and only over the hash that was checked, so that a password changed meanwhile is not overwritten.
  const upgraded = rehash ? await hashPassword(password) : null
  const refund = prisma.signInFailure.deleteMany({ where: { id: { in: charged } } })
  if (upgraded) {
    await prisma.$transaction([
      refund,
      prisma.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: upgraded } }),
    ])
  } else {
    await refund
  }
  return { ok: true, userId: user.id }
}

/**
 * Forgets every recorded failure of this username, from every address, so its owner may sign in at once
 * (for managers and admins: the caller checks that the person is in their scope). Returns how many went.
 */
export async function unlockSignIn(username: string): Promise<number> {
  const { count } = await prisma.signInFailure.deleteMany({ where: { key: { startsWith: pairPrefix(username) } } })
  return count
}

/** Seconds until this username may try again from the most slowed address, or 0 (for the unlock UI). */
export async function signInWaitOf(username: string, now = new Date(), policy = SIGN_IN_LIMIT): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000)
  const rows = await prisma.signInFailure.findMany({
    where: { key: { startsWith: pairPrefix(username) }, createdAt: { gt: since } },
    select: { key: true, createdAt: true },
  })
  let wait = 0
  for (const key of new Set(rows.map((r) => r.key))) {
    const failures = rows.filter((r) => r.key === key).map((r) => r.createdAt)
    const verdict = signInVerdict(failures, policy.freePerPair, now, policy)
    if (!verdict.allowed) wait = Math.max(wait, verdict.retryAfterSeconds)
  }
  return wait
}

/** The client's address, as the server put it in the load context (see server.js). */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress
  return typeof address === 'string' && address ? address : 'unknown'
}
