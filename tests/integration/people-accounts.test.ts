// People and organisation on a real SQLite file: import → sign in with the one-time password → forced change →
// move → deactivate → sign-in refused → records still in the manager's view; the refusals; 50 parallel requests.
import { loader as personLoader } from '~/routes/people.$username'
import { loader as learnLoader } from '~/routes/learn._index'
import { changeRole, hallHistoryOf, moveAccount, setAccountActive } from '~/server/account-changes.server'
import { changeOwnPassword, createAccount, resetPassword, unlockAccount } from '~/server/accounts.server'
import { auditLogFor } from '~/server/audit.server'
import { signIn } from '~/server/auth.server'
import { loadSessionUser, type SessionUser } from '~/server/people.server'
import { importAccounts } from '~/server/people-import.server'
import { writeTableTemplate } from '~/server/imports/table-template.server'
import { seedDemo } from '~/server/seed/demo.server'
import { TEMPLATE_HEADER } from '~/core/people-import'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00Z')
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
const as = async (username: string): Promise<SessionUser> => {
  const { id } = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })
  return (await loadSessionUser(id))!
}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now })
})
afterAll(() => db.$disconnect())

async function csv(rows: string[][]): Promise<{ bytes: Uint8Array; fileName: string }> {
  return { bytes: await writeTableTemplate({ header: TEMPLATE_HEADER, rows, format: 'csv' }), fileName: 'people.csv' }
}

const refusal = (run: () => Promise<unknown>) => outcome(async () => { await run(); return new Response('done') }).then((r) => r.status)

describe('the journey of one imported clerk', () => {
  let oneTimePassword = ''

  it('imports a file (dry run first, then all of it), and the same file again changes nothing', async () => {
    const admin = await as('admin')
    const file = await csv([
      ['N0001', '孙悦', 'H01', '营业员', '2026-11-02', '13800138000'],
      ['N0002', '钱程', 'H02', '营业员、导师', '2026/10/8', ''],
    ])
    const dry = await importAccounts(admin.viewer, file, { apply: false }, now)
    expect(dry).toMatchObject({ ok: true, applied: false, toCreate: 2, problems: [] })
    expect(await db.user.count({ where: { username: { startsWith: 'N000' } } })).toBe(0)
    const done = await importAccounts(admin.viewer, file, { apply: true }, now)
    if (!done.ok) throw new Error('import refused')
    expect(done.created.map((c) => c.username)).toEqual(['N0001', 'N0002'])
    oneTimePassword = done.created[0].oneTimePassword
    const again = await importAccounts(admin.viewer, file, { apply: true }, now)
    expect(again).toMatchObject({ ok: true, created: [], unchanged: 2, problems: [] })
    expect(await db.user.count({ where: { username: { startsWith: 'N000' } } })).toBe(2)
  })

  it('signs in with the one-time password and is sent to set a new one before anything else', async () => {
    const signedIn = await signIn('N0001', oneTimePassword, '10.9.0.1', now)
    expect(signedIn.ok).toBe(true)
    const cookie = await cookieFor(db, 'N0001')
    const response = await outcome(() => learnLoader({ request: requestAs(cookie, '/learn'), context: {}, params: {} }))
    expect(response.headers.get('Location')).toBe('/account/password')
  })

  it('refuses weak new passwords, accepts a good one, and the one-time password stops working', async () => {
    const { id } = await db.user.findUniqueOrThrow({ where: { username: 'N0001' } })
    expect(await changeOwnPassword(id, 'wrong', 'Lotus-Hall-2026', now)).toEqual({ ok: false, field: 'current', error: 'wrong' })
    expect(await changeOwnPassword(id, oneTimePassword, 'qwertyuiop', now)).toEqual({ ok: false, field: 'next', error: 'common' })
    expect(await changeOwnPassword(id, oneTimePassword, 'n0001-is-me!', now)).toEqual({ ok: false, field: 'next', error: 'contains_username' })
    expect(await changeOwnPassword(id, oneTimePassword, 'Lotus-Hall-2026', now)).toEqual({ ok: true })
    expect((await loadSessionUser(id))!.mustChangePassword).toBe(false)
    expect((await signIn('N0001', oneTimePassword, '10.9.0.2', now)).ok).toBe(false)
    expect((await signIn('N0001', 'Lotus-Hall-2026', '10.9.0.3', now)).ok).toBe(true)
  })

  it('is moved by the branch manager inside the branch; the hall history keeps both halls', async () => {
    const manager = await as('branch01mgr')
    expect(await moveAccount(manager.viewer, 'N0001', 'H02', later(10))).toEqual({ ok: true })
    const { id } = await db.user.findUniqueOrThrow({ where: { username: 'N0001' } })
    expect(await hallHistoryOf(id)).toEqual([
      { hall: expect.objectContaining({ code: 'H01' }), from: '2026-11-02', until: '2026-11-25' },
      { hall: expect.objectContaining({ code: 'H02' }), from: '2026-11-25', until: null },
    ])
  })

  it('is deactivated: sign-in refused, records still readable by the manager and the reads kept', async () => {
    const { id } = await db.user.findUniqueOrThrow({ where: { username: 'N0001' } })
    const version = await db.moduleVersion.findFirst({ select: { id: true, courseId: true, slug: true } })
    if (version) await db.moduleRead.create({ data: { userId: id, moduleVersionId: version.id, courseId: version.courseId, slug: version.slug } })
    const manager = await as('hall02mgr')
    expect(await setAccountActive(manager.viewer, 'N0001', false, later(20))).toEqual({ ok: true })
    expect((await signIn('N0001', 'Lotus-Hall-2026', '10.9.0.4', later(21))).ok).toBe(false)
    expect(await loadSessionUser(id)).toBeNull()
    const cookie = await cookieFor(db, 'hall02mgr')
    const response = await outcome(async () => personLoader({ request: requestAs(cookie, '/people/N0001'), context: {}, params: { username: 'N0001' } }))
    expect(response.status).toBe(200)
    expect((await response.json()).person.username).toBe('N0001')
    expect(await db.moduleRead.count({ where: { userId: id } })).toBe(version ? 1 : 0)
  })

  it('every change is in the audit log: the admin reads it all, a manager of another region reads none of it', async () => {
    const admin = await as('admin')
    const actions = (await auditLogFor(admin.viewer)).filter((e) => e.subject?.username === 'N0001').map((e) => e.action)
    expect(actions).toEqual(['person.deactivated', 'person.moved', 'password.changed', 'account.created'])
    const hall02 = await as('hall02mgr')
    expect((await auditLogFor(hall02.viewer)).map((e) => e.action)).toEqual(expect.arrayContaining(['person.deactivated', 'person.moved']))
    const otherRegion = await as('region02mgr')
    expect((await auditLogFor(otherRegion.viewer)).filter((e) => e.subject?.username === 'N0001')).toEqual([])
  })
})

describe('refusals', () => {
  it('a hall manager cannot add a person to another hall, nor with a trainer role', async () => {
    const manager = await as('hall01mgr')
    const values = { username: 'X0001', name: '李雷', hallCode: 'H02', roles: '营业员', hireDay: '2026-11-01', phone: '' }
    expect(await createAccount(manager.viewer, values, now)).toMatchObject({ ok: false, problems: [{ column: 'hallCode', reason: 'hall_out_of_scope' }] })
    expect(await createAccount(manager.viewer, { ...values, hallCode: 'H01', roles: '内训师' }, now)).toMatchObject({ ok: false, problems: [{ column: 'roles', reason: 'role_not_allowed' }] })
    expect(await db.user.count({ where: { username: 'X0001' } })).toBe(0)
  })

  it('a hall manager cannot grant a trainer role, move someone outside their scope, or reset an admin', async () => {
    const manager = await as('hall01mgr')
    expect(await refusal(() => changeRole(manager.viewer, 'clerk01', { role: 'trainer', grant: true, unitCode: null }, now))).toBe(403)
    // another hall answers as an unknown hall; accounts they do not manage as unknown names (404)
    expect(await moveAccount(manager.viewer, 'clerk01', 'H02', now)).toEqual({ ok: false, error: 'people.errors.unknownHall' })
    expect(await moveAccount(manager.viewer, 'clerk01', 'H99', now)).toEqual({ ok: false, error: 'people.errors.unknownHall' })
    expect(await refusal(() => moveAccount(manager.viewer, 'clerk02', 'H01', now))).toBe(404) // clerk02 works in H02
    expect(await refusal(() => resetPassword(manager.viewer, 'admin', now))).toBe(404)
    expect(await refusal(() => unlockAccount(manager.viewer, 'hall02mgr', now))).toBe(404)
    expect(await db.user.findUniqueOrThrow({ where: { username: 'clerk01' }, select: { hall: { select: { code: true } } } })).toEqual({ hall: { code: 'H01' } })
  })

  it('an import with an unknown hall, a duplicate 工号 and 2026-02-30 stores nothing and names each row', async () => {
    const admin = await as('admin')
    const file = await csv([
      ['D0001', '甲', 'H01', '', '2026-01-05', ''],
      ['D0002', '乙', 'H99', '', '2026-01-05', ''],
      ['D0001', '丙', 'H01', '', '2026-01-05', ''],
      ['D0003', '丁', 'H01', '', '2026-02-30', ''],
    ])
    const result = await importAccounts(admin.viewer, file, { apply: true }, now)
    expect(result).toMatchObject({
      ok: true,
      applied: false,
      problems: [
        { line: 3, column: 'hallCode', reason: 'unknown_hall' },
        { line: 4, column: 'username', reason: 'duplicate_in_file', otherLine: 2 },
        { line: 5, column: 'hireDay', reason: 'invalid_date' },
      ],
    })
    expect(await db.user.count({ where: { username: { startsWith: 'D000' } } })).toBe(0)
  })

  it.each([
    ['a 20 MB file', new Uint8Array(20 * 1024 * 1024).fill(0x41), 'too_large'],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'not_a_table'],
  ])('%s is refused with nothing stored', async (_name, bytes, reason) => {
    const before = await db.user.count()
    expect(await importAccounts((await as('admin')).viewer, { bytes, fileName: 'people.csv' }, { apply: true }, now)).toEqual({ ok: false, fileError: reason })
    expect(await db.user.count()).toBe(before)
  })
})

describe('50 requests at once', () => {
  it('the same import 50 times creates each account once', async () => {
    const admin = await as('admin')
    const file = await csv(Array.from({ length: 5 }, (_, i) => [`P00${i}`, `并发${i}`, 'H03', '', '2026-11-01', '']))
    const results = await Promise.all(Array.from({ length: 50 }, () => importAccounts(admin.viewer, file, { apply: true }, now)))
    expect(results.every((r) => r.ok && r.problems.length === 0)).toBe(true)
    expect(results.flatMap((r) => (r.ok ? r.created : [])).length).toBe(5)
    expect(await db.user.count({ where: { username: { startsWith: 'P00' } } })).toBe(5)
    expect(await db.auditEntry.count({ where: { action: 'account.created', subject: { username: { startsWith: 'P00' } } } })).toBe(5)
  })

  it('granting the mentor role 50 times grants it once and records it once', async () => {
    const manager = await as('hall03mgr')
    const results = await Promise.all(Array.from({ length: 50 }, () => changeRole(manager.viewer, 'clerk03', { role: 'mentor', grant: true, unitCode: null }, now)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await db.roleGrant.count({ where: { user: { username: 'clerk03' }, role: 'mentor' } })).toBe(1)
    expect(await db.auditEntry.count({ where: { action: 'role.granted', subject: { username: 'clerk03' } } })).toBe(1)
  })

  it('50 moves of one clerk to the same hall move them once', async () => {
    const manager = await as('branch02mgr')
    const results = await Promise.all(Array.from({ length: 50 }, () => moveAccount(manager.viewer, 'clerk03', 'H04', now)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const { id } = await db.user.findUniqueOrThrow({ where: { username: 'clerk03' } })
    expect(await db.hallMembership.count({ where: { userId: id, endedAt: null } })).toBe(1)
    expect(await db.auditEntry.count({ where: { action: 'person.moved', subjectId: id } })).toBe(1)
  })
})

describe('the import page (POST /admin/people/import)', () => {
  const post = async (cookie: string, file: Blob, intent = 'import') => {
    const { action } = await import('~/routes/admin.people.import')
    const form = new FormData()
    form.set('intent', intent)
    form.set('file', file, 'people.csv')
    return outcome(() => action({ request: requestAs(cookie, '/admin/people/import', { method: 'POST', body: form }), context: {}, params: {} }))
  }

  it('refuses an upload over 10 MB with 413 while reading it, storing nothing', async () => {
    const before = await db.user.count()
    const response = await post(await cookieFor(db, 'admin'), new Blob([new Uint8Array(11 * 1024 * 1024).fill(0x41)]))
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ outcome: { ok: false, fileError: 'too_large' } })
    expect(await db.user.count()).toBe(before)
  })

  it('is for admins only: a manager gets 403', async () => {
    const response = await post(await cookieFor(db, 'hall01mgr'), new Blob(['工号,姓名\n']))
    expect(response.status).toBe(403)
  })
})
