// Issue 17: a person's record (/people/<username>) is the same page the person sees of themselves — with their star
// level, what the next level needs and their certificate, and their on-the-job checklist — read by their managers
// in scope, on the demo data (every star level held, mentees paired).
import { loader as personLoader } from '~/routes/people.$username'
import type { PrismaClient } from '~/generated/prisma/client'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()
const DAY = 86_400_000

type Record = {
  own: boolean
  stars: { held: { code: string; level: number; state: string } | null; next: { level: number } | null; applyLevel: number | null } | null
  checklist: { mentor: string; signed: number; total: number } | null
}
async function recordOf(viewer: string, username: string): Promise<Record> {
  const cookie = await cookieFor(db, viewer)
  const response = await outcome(() => personLoader({ request: requestAs(cookie, `/people/${username}`), params: { username }, context: {} }))
  expect(response.status).toBe(200)
  return (await response.json()) as Record
}
// H01 → hall01mgr
const managerOf = (hallCode: string) => `hall${hallCode.slice(1)}mgr`

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 600_000)
afterAll(() => db.$disconnect())

it('shows the star certificate a clerk holds and what the next level needs, to their hall manager as to themselves', async () => {
  const certificate = await db.starCertificate.findFirstOrThrow({
    where: { revokedAt: null, supersededAt: null, expiresAt: { gt: new Date(now.getTime() + 90 * DAY) }, level: { lt: 5 }, user: { hall: { kind: 'hall' } } },
    select: { code: true, level: true, user: { select: { username: true, hall: { select: { code: true } } } } },
  })
  const { username } = certificate.user
  const byManager = await recordOf(managerOf(certificate.user.hall!.code), username)
  expect(byManager.stars?.held).toMatchObject({ code: certificate.code, level: certificate.level })
  expect(byManager.stars?.next?.level).toBe(certificate.level + 1)
  const own = await recordOf(username, username)
  expect(own.own).toBe(true)
  expect(own.stars).toEqual(byManager.stars)
})

it('shows a clerk without a certificate as holding none, with what the first level needs', async () => {
  const clerk = await db.user.findFirstOrThrow({
    where: { roles: { some: { role: 'clerk' } }, starCertificates: { none: {} }, hall: { kind: 'hall' } },
    select: { username: true, hall: { select: { code: true } } },
    orderBy: { username: 'asc' },
  })
  const record = await recordOf(managerOf(clerk.hall!.code), clerk.username)
  expect(record.stars).toMatchObject({ held: null, next: { level: 1 } })
})

it("shows a paired new hire's checklist: their mentor and how many items are signed", async () => {
  const pairing = await db.pairing.findFirstOrThrow({
    where: { status: 'active' },
    select: { mentor: { select: { name: true } }, mentee: { select: { username: true, hall: { select: { code: true } } } } },
  })
  const record = await recordOf(managerOf(pairing.mentee.hall!.code), pairing.mentee.username)
  expect(record.checklist).toMatchObject({ mentor: pairing.mentor.name })
  expect(record.checklist!.total).toBeGreaterThan(0)
})

it('lists the certificates a person held before the one shown (revoked, with its reason; superseded), newest first', async () => {
  const revoked = await db.starCertificate.findFirstOrThrow({
    where: { revokedAt: { not: null }, user: { hall: { kind: 'hall' } } },
    select: { code: true, revocationReason: true, user: { select: { id: true, username: true, hall: { select: { code: true } } } } },
  })
  const all = await db.starCertificate.findMany({ where: { userId: revoked.user.id }, select: { code: true }, orderBy: { issuedAt: 'desc' } })
  const record = (await recordOf(managerOf(revoked.user.hall!.code), revoked.user.username)) as Record & { pastCertificates: Array<{ code: string; state: string; reason: string | null }> }
  // every certificate appears once: held in the panel, or in the history below it, in the order issued (newest first)
  const shown = record.stars?.held?.code
  expect(record.pastCertificates.map((c) => c.code)).toEqual(all.map((c) => c.code).filter((code) => code !== shown))
  // the revoked one is the panel's when the person holds nothing since, else the history's, with the reason
  if (shown === revoked.code) expect(record.stars?.held?.state).toBe('revoked')
  else expect(record.pastCertificates.find((c) => c.code === revoked.code)).toMatchObject({ state: 'revoked', reason: revoked.revocationReason })

  const superseded = await db.starCertificate.findFirstOrThrow({ where: { supersededAt: { not: null }, user: { hall: { kind: 'hall' } } }, select: { code: true, user: { select: { username: true, hall: { select: { code: true } } } } } })
  const history = (await recordOf(managerOf(superseded.user.hall!.code), superseded.user.username)) as Record & { pastCertificates: Array<{ code: string; state: string }> }
  expect(history.pastCertificates.find((c) => c.code === superseded.code)).toMatchObject({ state: 'superseded' })
})
