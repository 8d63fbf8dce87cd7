// Issue 13, finding 3: sessions live on the server, so that sign-out, "sign out everywhere", deactivation
// and expiry end them; every sign-in gets a new id; the cookie names no user.
import { action as logoutAction } from '~/routes/logout'
import { action as adminSessionsAction } from '~/routes/admin.sessions'
import { loadSessionUser } from '~/server/people.server'
import { endAllSessionsOf, optionalUser } from '~/server/session.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date('2026-11-25T02:00:00Z') })
})
afterAll(() => db.$disconnect())

const userOf = (cookie: string) => optionalUser({ request: requestAs(cookie, '/learn'), context: {} })
const idOf = (username: string) => db.user.findUniqueOrThrow({ where: { username } }).then((u) => u.id)

it('gives a new, unguessable id at every sign-in, and the cookie does not name the user', async () => {
  const first = await cookieFor(db, 'clerk01')
  const second = await cookieFor(db, 'clerk01')
  expect(first).not.toBe(second)
  const userId = await idOf('clerk01')
  for (const cookie of [first, second]) expect(decodeURIComponent(cookie)).not.toContain(userId)
  const rows = await db.session.findMany({ where: { userId } })
  expect(rows).toHaveLength(2)
  for (const row of rows) expect(Buffer.from(row.id, 'base64url').length).toBeGreaterThanOrEqual(16)
})

it('after sign-out the old cookie opens nothing', async () => {
  const cookie = await cookieFor(db, 'clerk02')
  expect((await userOf(cookie))?.username).toBe('clerk02')
  const response = await outcome(() => logoutAction({ request: requestAs(cookie, '/logout', { method: 'POST' }), context: {}, params: {} }))
  expect(response.headers.get('Location')).toBe('/login')
  expect(await userOf(cookie)).toBeNull()
})

it('ends a session idle too long, and one past its absolute end', async () => {
  const idle = await cookieFor(db, 'clerk03')
  const old = await cookieFor(db, 'clerk03')
  const rows = await db.session.findMany({ where: { userId: await idOf('clerk03') }, orderBy: { createdAt: 'asc' } })
  await db.session.update({ where: { id: rows[0].id }, data: { lastSeenAt: new Date(Date.now() - 121 * 60_000) } })
  await db.session.update({ where: { id: rows[1].id }, data: { expiresAt: new Date(Date.now() - 1000) } })
  expect(await userOf(idle)).toBeNull()
  expect(await userOf(old)).toBeNull()
  expect(await db.session.count({ where: { userId: await idOf('clerk03') } })).toBe(0) // and forgets them
})

it('records when a session was last seen, at most once a minute', async () => {
  const cookie = await cookieFor(db, 'clerk04')
  const [row] = await db.session.findMany({ where: { userId: await idOf('clerk04') } })
  const longAgo = new Date(Date.now() - 10 * 60_000)
  await db.session.update({ where: { id: row.id }, data: { lastSeenAt: longAgo } })
  await userOf(cookie)
  const touched = await db.session.findUniqueOrThrow({ where: { id: row.id } })
  expect(touched.lastSeenAt.getTime()).toBeGreaterThan(longAgo.getTime())
  await userOf(cookie)
  expect((await db.session.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt).toEqual(touched.lastSeenAt)
})

it('endAllSessionsOf signs one person out of every browser, and nobody else', async () => {
  const phone = await cookieFor(db, 'clerk05')
  const desk = await cookieFor(db, 'clerk05')
  const colleague = await cookieFor(db, 'clerk06')
  expect(await endAllSessionsOf(await idOf('clerk05'))).toBe(2)
  expect(await userOf(phone)).toBeNull()
  expect(await userOf(desk)).toBeNull()
  expect((await userOf(colleague))?.username).toBe('clerk06')
})

it('deactivation ends the sessions (deleting them is what the deactivating code calls)', async () => {
  const cookie = await cookieFor(db, 'clerk07')
  await db.user.update({ where: { username: 'clerk07' }, data: { active: false } })
  expect(await userOf(cookie)).toBeNull()
  await db.user.update({ where: { username: 'clerk07' }, data: { active: true } })
  await endAllSessionsOf(await idOf('clerk07'))
  expect(await userOf(cookie)).toBeNull()
})

describe('an admin\'s "sign out everywhere"', () => {
  const form = (cookie: string, username: string) =>
    requestAs(cookie, '/admin/sessions', { method: 'POST', body: new URLSearchParams({ intent: 'sign-out-everywhere', username }) })

  it('ends every session of that person', async () => {
    const victim = await cookieFor(db, 'clerk08')
    const admin = await cookieFor(db, 'admin')
    const response = await outcome(() => adminSessionsAction({ request: form(admin, 'clerk08'), context: {}, params: {} }))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ended: 1, username: 'clerk08' })
    expect(await userOf(victim)).toBeNull()
    expect((await userOf(admin))?.username).toBe('admin')
  })

  it('is refused to a manager (403) and to the anonymous (sign-in)', async () => {
    const victim = await cookieFor(db, 'clerk09')
    const manager = await cookieFor(db, 'hall01mgr')
    expect((await outcome(() => adminSessionsAction({ request: form(manager, 'clerk09'), context: {}, params: {} }))).status).toBe(403)
    expect((await outcome(() => adminSessionsAction({ request: form('', 'clerk09'), context: {}, params: {} }))).status).toBe(302)
    expect((await userOf(victim))?.username).toBe('clerk09')
  })

  it('answers 404 for an unknown username', async () => {
    const admin = await cookieFor(db, 'admin')
    expect((await outcome(() => adminSessionsAction({ request: form(admin, 'nobody99'), context: {}, params: {} }))).status).toBe(404)
  })
})

it("a mentor's session user names the new hires they mentor now: active pairings only (read on every request)", async () => {
  const mentorId = await idOf('mentor01')
  const active = await db.pairing.findMany({ where: { mentorId, status: 'active' }, select: { id: true, menteeId: true } })
  expect(active.length).toBeGreaterThan(0)
  const viewerOf = async () => (await loadSessionUser(mentorId))!.viewer.menteeIds
  expect(new Set(await viewerOf())).toEqual(new Set(active.map((p) => p.menteeId)))
  await db.pairing.update({ where: { id: active[0].id }, data: { status: 'completed' } })
  expect(await viewerOf()).not.toContain(active[0].menteeId)
  await db.pairing.update({ where: { id: active[0].id }, data: { status: 'active' } })
  expect(await viewerOf()).toContain(active[0].menteeId)
  expect((await loadSessionUser(await idOf('clerk18')))!.viewer.menteeIds).toEqual([]) // not a mentor: nobody
})

it('the session check reads the session with its user in one statement: the same user, every grant once, as the user read', async () => {
  // a manager over several units and a mentor (several grant rows each), a clerk (one)
  const managers = await db.roleGrant.groupBy({ by: ['userId'], where: { role: 'manager' }, _count: true, orderBy: { _count: { userId: 'desc' } }, take: 1 })
  const usernames = ['mentor01', 'clerk18', (await db.user.findUniqueOrThrow({ where: { id: managers[0].userId } })).username]
  for (const username of usernames) {
    const viaSession = await userOf(await cookieFor(db, username))
    expect(viaSession).toEqual(await loadSessionUser(await idOf(username)))
    expect(viaSession?.username).toBe(username)
  }
  const manager = await userOf(await cookieFor(db, usernames[2]))
  expect(manager?.managedUnits.length).toBe(managers[0]._count)
})

it('a deactivated user signs in nowhere, though their session row is still there', async () => {
  const cookie = await cookieFor(db, 'clerk19')
  expect((await userOf(cookie))?.username).toBe('clerk19')
  await db.user.update({ where: { username: 'clerk19' }, data: { active: false } })
  expect(await userOf(cookie)).toBeNull()
  await db.user.update({ where: { username: 'clerk19' }, data: { active: true } })
  expect((await userOf(cookie))?.username).toBe('clerk19')
})
