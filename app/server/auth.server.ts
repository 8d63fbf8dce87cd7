// Sign-in: password check with bcrypt and the per-username / per-address limit on failures.
import bcrypt from 'bcryptjs'
import { SIGN_IN_LIMIT, signInVerdict, stricter, type SignInVerdict } from '~/core/sign-in-limit'
import { prisma } from './db.server'

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }

// Compared against when the username is unknown, so both answers take the same time.
const DUMMY_HASH = '$2b$10$akxfkEfoTsEo.u/1l7YAkOPWdweyevpW5AwTDKiMV/slwWYz.VaGe'

const userKey = (username: string) => `user:${username.toLowerCase()}`
const addressKey = (address: string) => `ip:${address}`

async function verdictFor(username: string, address: string, now: Date): Promise<SignInVerdict> {
  const since = new Date(now.getTime() - SIGN_IN_LIMIT.windowMinutes * 60_000)
  const rows = await prisma.signInFailure.findMany({
    where: { key: { in: [userKey(username), addressKey(address)] }, createdAt: { gt: since } },
    select: { key: true, createdAt: true },
  })
  const times = (key: string) => rows.filter((r) => r.key === key).map((r) => r.createdAt)
  return stricter(
    signInVerdict(times(userKey(username)), SIGN_IN_LIMIT.maxPerUser, now),
    signInVerdict(times(addressKey(address)), SIGN_IN_LIMIT.maxPerAddress, now),
  )
}

async function recordFailure(username: string, address: string, now: Date): Promise<void> {
  const expired = new Date(now.getTime() - SIGN_IN_LIMIT.windowMinutes * 60_000)
  await prisma.$transaction([
    prisma.signInFailure.deleteMany({ where: { createdAt: { lt: expired } } }),
    prisma.signInFailure.createMany({
      data: [
        { key: userKey(username), createdAt: now },
        { key: addressKey(address), createdAt: now },
      ],
    }),
  ])
}

/** Checks a username (工号) and password. Unknown user and wrong password give the same answer. */
export async function signIn(username: string, password: string, address: string, now = new Date()): Promise<SignInResult> {
  const verdict = await verdictFor(username, address, now)
  if (!verdict.allowed) return { ok: false, reason: 'locked', retryAfterSeconds: verdict.retryAfterSeconds }
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, passwordHash: true, active: true } })
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH)
  if (user && user.active && matches) return { ok: true, userId: user.id }
  await recordFailure(username, address, now)
  return { ok: false, reason: 'invalid' }
}

/** The client's address, as the server put it in the load context (see server.js). */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress
  return typeof address === 'string' && address ? address : 'unknown'
}
