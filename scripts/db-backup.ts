// `npm run db:backup -- <file>`: a consistent copy of the SQLite database through SQLite's online backup API,
// taken while the app keeps serving (writers are not stopped; the copy is of one moment).
// `npm run db:restore -- <file>`: puts such a copy back, after checking it is a sound database of this
// schema (every committed migration applied, no other); stop the app first (README).
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

const MIGRATIONS_DIR = 'prisma/migrations'

export function databaseFile(url = process.env.DATABASE_URL ?? 'file:./data/demo.db'): string {
  return path.resolve(url.replace(/^file:/, ''))
}

/** The committed migrations, by folder name, in order. */
export function committedMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
}

export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`)
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 })
  try {
    const progress = await db.backup(target)
    return { pages: progress.totalPages }
  } finally {
    db.close()
  }
}

/** Why this file cannot be restored, or an empty list. */
export function backupProblems(file: string, migrations = committedMigrations()): string[] {
  if (!existsSync(file)) return [`${file}: no such file`]
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    return [`${file}: not a database (${(error as Error).message})`]
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') return [`${file}: damaged (integrity_check: ${String(integrity)})`]
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get()
    if (!table) return [`${file}: not a database of this application (no migration history)`]
    const applied = db
      .prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
      .all()
      .map((row) => (row as { name: string }).name)
    const missing = migrations.filter((m) => !applied.includes(m))
    const unknown = applied.filter((m) => !migrations.includes(m))
    const problems: string[] = []
    if (missing.length) problems.push(`${file}: lacks migrations ${missing.join(', ')} (an older schema: restore it into the release it came from, then migrate)`)
    if (unknown.length) problems.push(`${file}: has migrations this release does not know: ${unknown.join(', ')}`)
    return problems
  } catch (error) {
    return [`${file}: not a database (${(error as Error).message})`]
  } finally {
    db.close()
  }
}

/** Copies a checked backup over the database (SQLite's backup API again, so the file is replaced whole). */
export async function restoreDatabase(backup: string, target: string): Promise<void> {
  const problems = backupProblems(backup)
  if (problems.length) throw new Error(problems.join('\n'))
  const db = new Database(backup, { readonly: true, fileMustExist: true })
  try {
    await db.backup(target)
  } finally {
    db.close()
  }
}

async function main(command: string | undefined, file: string | undefined): Promise<number> {
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('usage: npm run db:backup -- <file>   |   npm run db:restore -- <file>')
    return 2
  }
  const database = databaseFile()
  try {
    if (command === 'backup') {
      const { pages } = await backupDatabase(database, path.resolve(file))
      console.log(`backup: ${database} → ${path.resolve(file)} (${pages} pages)`)
    } else {
      await restoreDatabase(path.resolve(file), database)
      console.log(`restore: ${path.resolve(file)} → ${database}`)
    }
    return 0
  } catch (error) {
    console.error(`${command} refused: ${(error as Error).message}`)
    return 1
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('scripts/db-backup.ts')) {
  process.exitCode = await main(process.argv[2], process.argv[3])
}
