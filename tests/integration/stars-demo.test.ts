// The stars demo as `npm run demo` seeds it (content, accounts, six months of history, evidence, mentoring):
// every level held, one verify code per certificate state, clerk25's pending ★★ met, and clerks one
// requirement short — each of a different kind — judged by the pure eligibility function on the seeded records.
import { meetsLevel, starEligibility } from '~/core/stars'
import { certificateForVerification } from '~/server/certificates.server'
import { DEMO_NEAR_MISSES, DEMO_PENDING_APPLICATION } from '~/server/seed/stars-data'
import { demoVerifyCodes } from '~/server/seed/stars.server'
import { starEvidenceOf } from '~/server/stars/evidence.server'
import { currentLadder } from '~/server/stars/ladder.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 600_000)
afterAll(() => db.$disconnect())

async function evidenceOf(usernames: string[]) {
  const users = await db.user.findMany({ where: { username: { in: usernames } }, select: { id: true, username: true } })
  const evidence = await starEvidenceOf(users.map((u) => u.id), now, db)
  return new Map(users.map((u) => [u.username, evidence.get(u.id)!]))
}

it('every star level 1–5 is held by someone, and the demo prints one verify code per state, in that state', async () => {
  const held = await db.starCertificate.findMany({ where: { revokedAt: null }, select: { level: true }, distinct: ['level'] })
  expect(held.map((h) => h.level).sort()).toEqual([1, 2, 3, 4, 5])
  const codes = await demoVerifyCodes(db)
  expect(Object.keys(codes).sort()).toEqual(['active', 'expired', 'expiring', 'renewal due', 'revoked'])
  for (const [state, code] of Object.entries(codes)) {
    const certificate = await certificateForVerification(code, now)
    expect([state, certificate?.status.state]).toEqual([state, state.replace(' ', '-')])
  }
})

it('clerk25’s pending ★★ application is met by the seeded evidence, so the hall manager can approve it', async () => {
  const { username, level } = DEMO_PENDING_APPLICATION
  const application = await db.starApplication.findFirstOrThrow({ where: { user: { username }, level } })
  expect(application.status).toBe('pending')
  const ladder = (await currentLadder(db))!
  const evidence = (await evidenceOf([username])).get(username)!
  expect(meetsLevel(ladder.ladder, evidence, level, now)).toEqual({ ok: true })
})

it('a few clerks are exactly one requirement short of their next star, each of a different kind', async () => {
  const ladder = (await currentLadder(db))!
  const evidence = await evidenceOf(DEMO_NEAR_MISSES.map((m) => m.username))
  const shortBy = DEMO_NEAR_MISSES.map((m) => [m.username, starEligibility(ladder.ladder, evidence.get(m.username)!, now).next?.missing.map((r) => r.kind)])
  expect(shortBy).toEqual(DEMO_NEAR_MISSES.map((m) => [m.username, [m.short]]))
  expect(new Set(DEMO_NEAR_MISSES.map((m) => m.short)).size).toBe(DEMO_NEAR_MISSES.length)
})
