// Migrations, the demo seed and the scope queries every manager view depends on, on a real SQLite file.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { hallsInScope, loadSessionUser } from '~/server/people.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00Z')

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now })
})
afterAll(() => db.$disconnect())

async function counts() {
  const [units, users, grants] = await Promise.all([db.orgUnit.count(), db.user.count(), db.roleGrant.count()])
  return { units, users, grants }
}

// SQLite's; the PostgreSQL twins have theirs in postgres-migrations.test.ts
it.skipIf(process.env.TEST_DATABASE === 'postgres')('the committed migrations build exactly the database that prisma/schema.prisma describes', () => {
  const fromMigrations = new Database(process.env.DATABASE_URL!.replace(/^file:/, ''), { readonly: true })
  const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const fromSchema = new Database(':memory:')
  fromSchema.exec(sql)
  expect(describeDatabase(fromMigrations)).toEqual(describeDatabase(fromSchema))
  fromMigrations.close()
  fromSchema.close()
})

it('the schema snapshot that db:migration diffs from is the current schema (no change without a migration)', () => {
  expect(readFileSync('prisma/migrations/schema.snapshot.prisma', 'utf8')).toBe(readFileSync('prisma/schema.prisma', 'utf8'))
})

/** Tables, columns and indexes, in a form two databases can be compared by. */
function describeDatabase(db: Database.Database) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name")
    .pluck()
    .all() as string[]
  return tables.map((table) => ({
    table,
    columns: db.prepare(`PRAGMA table_info("${table}")`).all(),
    indexes: (db.prepare(`PRAGMA index_list("${table}")`).all() as Array<{ name: string; unique: number }>)
      .map((i) => ({ name: i.name, unique: i.unique, columns: db.prepare(`PRAGMA index_info("${i.name}")`).all() }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: db.prepare(`PRAGMA foreign_key_list("${table}")`).all(),
  }))
}

it('seeds the demo organisation: 2 regions, 4 branches, 8 halls, 60 clerks, 6 mentors, 2 trainers, managers, admin', async () => {
  const kinds = await db.orgUnit.groupBy({ by: ['kind'], _count: true })
  expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count]))).toEqual({ region: 2, branch: 4, hall: 8 })
  const roles = await db.roleGrant.groupBy({ by: ['role'], _count: true })
  expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toEqual({
    clerk: 66, // 60 clerks + 6 mentors who are clerks too
    mentor: 6,
    trainer: 2,
    manager: 14, // one for every unit: 2 regions + 4 branches + 8 halls
    admin: 1,
  })
  expect(await db.user.count({ where: { username: { in: ['clerk01', 'mentor01', 'trainer01', 'hall01mgr', 'branch01mgr', 'region01mgr', 'admin'] } } })).toBe(7)
})

it('seeding twice changes nothing', async () => {
  const before = await counts()
  const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' } })
  await seedDemo(db, { password: 'Test@2026', now: new Date(now.getTime() + 86_400_000) })
  expect(await counts()).toEqual(before)
  expect(await db.user.findUniqueOrThrow({ where: { username: 'admin' } })).toEqual(admin)
})

describe('halls in scope', () => {
  it.each([
    { username: 'hall01mgr', halls: ['H01'] },
    { username: 'hall05mgr', halls: ['H05'] },
    { username: 'branch01mgr', halls: ['H01', 'H02'] },
    { username: 'branch04mgr', halls: ['H07', 'H08'] },
    { username: 'region01mgr', halls: ['H01', 'H02', 'H03', 'H04'] },
    { username: 'region02mgr', halls: ['H05', 'H06', 'H07', 'H08'] },
    { username: 'admin', halls: ['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08'] },
    { username: 'clerk01', halls: [] },
    { username: 'mentor01', halls: [] },
  ])('$username sees $halls', async ({ username, halls }) => {
    const { id } = await db.user.findUniqueOrThrow({ where: { username } })
    const user = await loadSessionUser(id)
    const rows = await hallsInScope(user!.viewer, now)
    expect(rows.map((h) => h.code)).toEqual(halls)
  })

  it('counts clerks and new hires per hall', async () => {
    const { id } = await db.user.findUniqueOrThrow({ where: { username: 'region01mgr' } })
    const rows = await hallsInScope((await loadSessionUser(id))!.viewer, now)
    const total = rows.reduce((n, h) => n + h.clerks, 0)
    // clerks 1–60 go round-robin over 8 halls, so H01–H04 hold 8 each; mentors 1–4 are clerks there too
    expect(total).toBe(32 + 4)
    // new hires are every 6th clerk; those in H01–H04: clerk12, 18, 36, 42, 60
    expect(rows.reduce((n, h) => n + h.newHires, 0)).toBe(5)
  })
})

it('an inactive user has no session', async () => {
  const clerk = await db.user.update({ where: { username: 'clerk60' }, data: { active: false } })
  expect(await loadSessionUser(clerk.id)).toBeNull()
  await db.user.update({ where: { id: clerk.id }, data: { active: true } })
})
