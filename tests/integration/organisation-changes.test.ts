// Organisation changes on a real SQLite file: a branch moved with its halls and people, closing refused while
// people are active, renames and creations audited, and only admins change the tree.
import { hallsInScope, loadSessionUser, type SessionUser } from '~/server/people.server'
import { closeUnit, createUnit, moveUnit, renameUnit } from '~/server/org-admin.server'
import { moveAccount, setAccountActive } from '~/server/account-changes.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { outcome } from '../session'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00Z')
const as = async (username: string): Promise<SessionUser> => {
  const { id } = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })
  return (await loadSessionUser(id))!
}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now })
})
afterAll(() => db.$disconnect())

it('moving branch B02 to region R02 re-paths it and its halls in one go; its people follow into the new scope', async () => {
  const admin = await as('admin')
  expect(await moveUnit(admin.viewer, 'B02', 'R02', now)).toEqual({ ok: true, code: 'B02' })
  const paths = await db.orgUnit.findMany({ where: { code: { in: ['B02', 'H03', 'H04', 'B01', 'H01'] } }, select: { code: true, path: true }, orderBy: { code: 'asc' } })
  expect(paths).toEqual([
    { code: 'B01', path: '/R01/B01/' },
    { code: 'B02', path: '/R02/B02/' },
    { code: 'H01', path: '/R01/B01/H01/' },
    { code: 'H03', path: '/R02/B02/H03/' },
    { code: 'H04', path: '/R02/B02/H04/' },
  ])
  const clerk = await as('clerk03') // works in H03
  expect(clerk.hall?.path).toBe('/R02/B02/H03/')
  expect((await hallsInScope((await as('region02mgr')).viewer, now)).map((h) => h.code)).toEqual(['H03', 'H04', 'H05', 'H06', 'H07', 'H08'])
  expect((await hallsInScope((await as('region01mgr')).viewer, now)).map((h) => h.code)).toEqual(['H01', 'H02'])
  expect(await db.auditEntry.count({ where: { action: 'unit.moved' } })).toBe(1)
})

it('refuses a hall under a region, and a branch into its own hall', async () => {
  const admin = await as('admin')
  expect(await moveUnit(admin.viewer, 'H01', 'R02', now)).toMatchObject({ ok: false, error: 'people.org.errors.wrong_parent_kind' })
  expect(await moveUnit(admin.viewer, 'B01', 'H01', now)).toMatchObject({ ok: false })
})

it('a hall with active people cannot close until they are moved or deactivated; closed, it keeps its history and takes no one', async () => {
  const admin = await as('admin')
  expect(await createUnit(admin.viewer, { kind: 'hall', code: 'H09', nameZh: '滕州荆河路营业厅', nameEn: 'Jinghe Road hall', parentCode: 'B01' }, now)).toEqual({ ok: true, code: 'H09' })
  expect(await moveAccount(admin.viewer, 'clerk01', 'H09', now)).toEqual({ ok: true })
  expect(await closeUnit(admin.viewer, 'H09', now)).toMatchObject({ ok: false, error: 'people.org.errors.has_active_people' })
  expect(await setAccountActive(admin.viewer, 'clerk01', false, now)).toEqual({ ok: true })
  expect(await closeUnit(admin.viewer, 'H09', now)).toEqual({ ok: true, code: 'H09' })
  expect(await db.orgUnit.findUniqueOrThrow({ where: { code: 'H09' }, select: { closedAt: true } })).toEqual({ closedAt: now })
  expect(await moveAccount(admin.viewer, 'clerk02', 'H09', now)).toEqual({ ok: false, error: 'people.errors.hallClosed' })
  expect(await closeUnit(admin.viewer, 'B01', now)).toMatchObject({ ok: false, error: 'people.org.errors.has_active_people' })
})

it('creations need the right parent and a free code; renames are audited', async () => {
  const admin = await as('admin')
  expect(await createUnit(admin.viewer, { kind: 'hall', code: 'H10', nameZh: '甲', nameEn: 'A', parentCode: 'R01' }, now)).toMatchObject({ ok: false, field: 'parentCode' })
  expect(await createUnit(admin.viewer, { kind: 'hall', code: 'H01', nameZh: '甲', nameEn: 'A', parentCode: 'B01' }, now)).toMatchObject({ ok: false, field: 'code' })
  expect(await renameUnit(admin.viewer, 'H02', { nameZh: '滕州善国北路营业厅', nameEn: 'North Shanguo Road hall' }, now)).toEqual({ ok: true, code: 'H02' })
  expect(await db.auditEntry.findFirst({ where: { action: 'unit.renamed' }, select: { detail: true } })).toEqual({ detail: JSON.stringify({ code: 'H02', from: '滕州善国路营业厅', to: '滕州善国北路营业厅' }) })
})

it('managers and trainers cannot change the organisation', async () => {
  for (const username of ['region01mgr', 'trainer01']) {
    const user = await as(username)
    const response = await outcome(async () => { await renameUnit(user.viewer, 'H01', { nameZh: 'x', nameEn: 'x' }, now); return new Response('done') })
    expect(response.status).toBe(403)
  }
})
