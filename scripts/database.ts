// What every CLI needs before it touches the database: an absolute DATABASE_URL and the migrations applied.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

/** Makes DATABASE_URL absolute (default data/demo.db) so the CLI, the server and Prisma agree on the file. */
export function resolveDatabaseUrl(): string {
  const raw = process.env.DATABASE_URL ?? 'file:./data/demo.db'
  const file = raw.replace(/^file:/, '')
  const absolute = path.resolve(file)
  mkdirSync(path.dirname(absolute), { recursive: true })
  process.env.DATABASE_URL = `file:${absolute}`
  return process.env.DATABASE_URL
}

export function applyMigrations(): void {
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env })
}
