// The demo's audit log is not empty: every demo account's creation (the roll-out's import by the admin, a new
// hire added by their own hall's manager), a few resets and an unlock, the trainers' publishes; all in the past,
// shown to the admin in full and to a hall manager for their hall only — on a real SQLite file with the demo seeded.
import { loader as auditLoader } from '~/routes/audit'
import type { PrismaClient } from '~/generated/prisma/client'
import { demoPeople } from '~/server/seed/demo-data'
import { seedAuditHistory } from '~/server/seed/audit-history.server'
import { cookieFor, outcome, requestAs } from '../session'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()
type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 180_000)
afterAll(() => db.$disconnect())

async function auditAs(username: string) {
  const cookie = await cookieFor(db, username)
  const response = await outcome(() => (auditLoader as Loader)({ request: requestAs(cookie, '/audit'), params: {}, context: {} }))
  expect(response.status).toBe(200)
  return ((await response.json()) as { entries: Array<{ action: string; subject: { username: string } | null; at: string }> }).entries
}

it('records the creation of every demo account but the admin, imported at roll-out or added by the hall manager', async () => {
  const created = await db.auditEntry.findMany({ where: { action: 'account.created' }, select: { detail: true, actor: { select: { username: true } }, subject: { select: { username: true, hall: { select: { code: true } } } } } })
  const people = demoPeople().filter((p) => p.username !== 'admin')
  expect(created.map((c) => c.subject?.username).sort()).toEqual(people.map((p) => p.username).sort())
  const newHire = created.find((c) => c.subject?.username === 'clerk06')!
  expect(JSON.parse(newHire.detail)).toMatchObject({ via: 'form' })
  expect(newHire.actor.username).toMatch(/^hall\d\dmgr$/)
  const managerHall = await db.user.findUniqueOrThrow({ where: { username: newHire.actor.username }, select: { roles: { select: { unit: { select: { code: true } } } } } })
  expect(managerHall.roles.map((r) => r.unit?.code)).toContain(newHire.subject?.hall?.code)
  expect(JSON.parse(created.find((c) => c.subject?.username === 'clerk01')!.detail)).toMatchObject({ via: 'import' })
  expect(created.find((c) => c.subject?.username === 'clerk01')!.actor.username).toBe('admin')
})

it('is all in the past, and the admin sees resets, an unlock and publishes among it', async () => {
  expect(await db.auditEntry.count({ where: { at: { gt: now } } })).toBe(0)
  const actions = new Set((await auditAs('admin')).map((e) => e.action))
  for (const action of ['account.created', 'password.reset', 'signin.unlocked', 'content.published']) expect(actions).toContain(action)
})

it('shows a hall manager the entries of their own hall only', async () => {
  const entries = await auditAs('hall01mgr')
  expect(entries.length).toBeGreaterThan(0)
  const manager = await db.user.findUniqueOrThrow({ where: { username: 'hall01mgr' }, select: { roles: { select: { unit: { select: { path: true } } } } } })
  const hallPath = manager.roles[0].unit!.path
  const subjects = await db.user.findMany({ where: { username: { in: entries.flatMap((e) => (e.subject ? [e.subject.username] : [])) } }, select: { hall: { select: { path: true } } } })
  for (const s of subjects) expect(s.hall?.path.startsWith(hallPath)).toBe(true)
})

it('is written once: seeding again adds nothing', async () => {
  const before = await db.auditEntry.count()
  expect(await seedAuditHistory(db, now)).toBe(0)
  expect(await db.auditEntry.count()).toBe(before)
})
