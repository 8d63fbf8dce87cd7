// A session's sliding expiry moved on: its lastSeenAt, at most once a minute a session (core/session-expiry.ts). On
// SQLite one prepared UPDATE on a connection of its own, as the attempt store writes: through Prisma the same UPDATE
// cost 0.8–1.4 ms of CPU (decision 0052), as much as a whole answer save, once a minute for every clerk at work. On
// PostgreSQL, Prisma's.
import path from 'node:path'
import Database from 'better-sqlite3'
import { databaseUrl, prisma } from './db.server'
import { sqliteStatements } from './kysely.server'
import { retryWhileBusy } from './sqlite-writes.server'
import { storedInstant } from './stored.server'

let sqlite: { url: string; touch: (id: string, now: Date) => void } | null = null

function sqliteTouch(file: string) {
  const db = new Database(path.resolve(file), { fileMustExist: true, timeout: 0 })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const update = sqliteStatements.updateTable('Session').set({ lastSeenAt: '' }).where('id', '=', '').compile()
  const statement = db.prepare(update.sql)
  // the values in the compiled statement's order: the new time, then the session's id
  return (id: string, now: Date) => void statement.run(storedInstant(now), id)
}

/** Records that the session `id` was seen at `now`; nothing happens if it no longer exists. */
export async function touchSession(id: string, now: Date): Promise<void> {
  const url = databaseUrl()
  if (!url.startsWith('file:')) return void (await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } }))
  if (sqlite?.url !== url) sqlite = { url, touch: sqliteTouch(url.slice('file:'.length)) }
  const { touch } = sqlite
  await retryWhileBusy(() => touch(id, now))
}
