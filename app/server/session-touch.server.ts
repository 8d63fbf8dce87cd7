// A session's sliding expiry moved on: its lastSeenAt, at most once a minute a session (core/session-expiry.ts). On
// SQLite one prepared UPDATE on a write connection of its own, made as the attempt store makes its statements
// (sqlite-writes.server.ts): through Prisma the same UPDATE cost 0.8–1.4 ms of CPU (decision 0052), as much as a whole
// answer save, once a minute for every clerk at work. On PostgreSQL, Prisma's.
import { prisma } from './db.server'
import { forDatabaseFile, openWriteConnection, retryWhileBusy, writeStatement } from './sqlite-writes.server'
import { storedInstant } from './stored.server'

const sqliteTouch = forDatabaseFile((file) => {
  const update = writeStatement(openWriteConnection(file), (q, id: string, seenAt: string) => q.updateTable('Session').set({ lastSeenAt: seenAt }).where('id', '=', id), ['', ''])
  return (id: string, now: Date) => void update.run(id, storedInstant(now))
})

/** Records that the session `id` was seen at `now`; nothing happens if it no longer exists. */
export async function touchSession(id: string, now: Date): Promise<void> {
  const touch = sqliteTouch()
  if (!touch) return void (await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } }))
  await retryWhileBusy(() => touch(id, now))
}
