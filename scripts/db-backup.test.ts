// db:backup takes a consistent copy while writes go on; db:restore puts it back and refuses anything that is
// not a sound database of this schema.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../tests/database'
import { backupDatabase, backupProblems, committedMigrations, restoreDatabase } from './db-backup'

let db: PrismaClient
let file: string
const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-backup-'))

beforeAll(async () => {
  ;({ db, file } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
})
afterAll(() => db.$disconnect())

const count = (f: string, table: string) => {
  const d = new Database(f, { readonly: true })
  try {
    return (d.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
  } finally {
    d.close()
  }
}

it('copies a consistent database while the app keeps writing', async () => {
  const target = path.join(dir, 'online.db')
  const writes = Promise.all(Array.from({ length: 200 }, (_, i) => db.signInFailure.create({ data: { key: `ip:backup-${i}` } })))
  const [{ pages }] = await Promise.all([backupDatabase(file, target), writes])
  expect(pages).toBeGreaterThan(0)
  expect(backupProblems(target)).toEqual([])
  expect(count(target, 'User')).toBe(await db.user.count())
  const copied = count(target, 'SignInFailure')
  expect(copied).toBeGreaterThanOrEqual(0)
  expect(copied).toBeLessThanOrEqual(200) // one moment of the writes, never a torn page
})

it('restores a backup over a changed database', async () => {
  const backup = path.join(dir, 'before.db')
  await backupDatabase(file, backup)
  const live = path.join(dir, 'live.db')
  copyFileSync(file, live)
  const writer = new Database(live)
  writer.pragma('foreign_keys = OFF') // other tables point at User; the test only needs the users gone
  writer.prepare('DELETE FROM "RoleGrant"').run()
  writer.prepare('DELETE FROM "User"').run()
  writer.close()
  expect(count(live, 'User')).toBe(0)
  await restoreDatabase(backup, live)
  expect(count(live, 'User')).toBe(await db.user.count())
})

describe('refuses what is not a database of this schema', () => {
  it('a text file', async () => {
    const text = path.join(dir, 'notes.txt')
    writeFileSync(text, 'not a database at all, just words '.repeat(100))
    expect(backupProblems(text).join()).toMatch(/not a database/)
    await expect(restoreDatabase(text, path.join(dir, 'x.db'))).rejects.toThrow(/not a database/)
  })

  it('another application\'s SQLite database', () => {
    const other = path.join(dir, 'other.db')
    const d = new Database(other)
    d.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    d.close()
    expect(backupProblems(other).join()).toMatch(/not a database of this application/)
  })

  it('a database of an older schema', async () => {
    const older = path.join(dir, 'older.db')
    await backupDatabase(file, older)
    const d = new Database(older)
    const last = committedMigrations().at(-1)!
    d.prepare('DELETE FROM _prisma_migrations WHERE migration_name = ?').run(last)
    d.close()
    expect(backupProblems(older).join()).toContain(`lacks migrations ${last}`)
  })

  it('a damaged file', async () => {
    const damaged = path.join(dir, 'damaged.db')
    await backupDatabase(file, damaged)
    const bytes = readFileSync(damaged)
    bytes.fill(0x5a, 4096 * 3, 4096 * 5) // scribble over pages 4–5
    writeFileSync(damaged, bytes)
    expect(backupProblems(damaged).join()).toMatch(/damaged|not a database/)
  })
})

it('the npm scripts back up and refuse from the command line', () => {
  const target = path.join(dir, 'cli.db')
  const env = { ...process.env, DATABASE_URL: `file:${file}` }
  const out = execFileSync('npx', ['tsx', 'scripts/db-backup.ts', 'backup', target], { env, encoding: 'utf8' })
  expect(out).toMatch(/backup: .* pages\)/)
  expect(backupProblems(target)).toEqual([])
  const text = path.join(dir, 'cli.txt')
  writeFileSync(text, 'hello')
  expect(() => execFileSync('npx', ['tsx', 'scripts/db-backup.ts', 'restore', text], { env, stdio: 'pipe' })).toThrow()
}, 120_000)
