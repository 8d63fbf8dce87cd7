// What every CLI needs before it touches the database: an absolute DATABASE_URL and the migrations applied.
// A postgres://… URL is PostgreSQL (taken as it is); anything else is the SQLite file.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url)

/** Makes DATABASE_URL absolute (default data/demo.db) so the CLI, the server and Prisma agree on the file. */
export function resolveDatabaseUrl(): string {
  const raw = process.env.DATABASE_URL ?? 'file:./data/demo.db'
  if (isPostgres(raw)) return raw
  const file = raw.replace(/^file:/, '')
  const absolute = path.resolve(file)
  mkdirSync(path.dirname(absolute), { recursive: true })
  process.env.DATABASE_URL = `file:${absolute}`
  return process.env.DATABASE_URL
}

/** `npm run db:deploy`: prisma migrate deploy on SQLite, the PostgreSQL twins through scripts/db-postgres.ts. */
export function applyMigrations(): void {
  execFileSync('bash', ['scripts/db-deploy.sh'], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env })
}
