// What the app's own SQLite write connections (the attempt store's, the session touch's) share: how a connection is
// opened (once for the file DATABASE_URL names), how a statement is compiled and prepared on it, how a busy write is
// retried.
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Compilable } from 'kysely'
import { databaseUrl } from './db.server'
import { compileWithArguments, sqliteStatements, type Arguments, type Queries } from './kysely.server'
import { objectRows } from './sqlite-rows.server'

/** A connection of its own to the app's database file: WAL, as Prisma's; foreign keys on; no busy wait (below). */
export function openWriteConnection(file: string): Database.Database {
  const db = new Database(path.resolve(file), { fileMustExist: true, timeout: 0 })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  return db
}

/**
 * What `make` builds for the SQLite file DATABASE_URL names, built once and again only when DATABASE_URL names
 * another file (tests point it at one database each); null when DATABASE_URL is not a file (PostgreSQL).
 */
export function forDatabaseFile<T>(make: (file: string) => T): () => T | null {
  let made: { url: string; value: T } | null = null
  return () => {
    const url = databaseUrl()
    if (!url.startsWith('file:')) return null
    if (made?.url !== url) made = { url, value: make(url.slice('file:'.length)) }
    return made.value
  }
}

/**
 * One statement: compiled once from the typed query, prepared once, run synchronously with each call's arguments
 * (bound by name through the query, whatever order the SQL puts them in). `shape` is a sample of the arguments:
 * a list argument compiles to as many placeholders as its sample has elements.
 */
export function writeStatement<Args extends Arguments, Row>(db: Database.Database, build: (q: Queries, ...args: Args) => Compilable<Row>, shape: Args) {
  const { query, parameters } = compileWithArguments(sqliteStatements, build, shape)
  const prepared = db.prepare(query.sql)
  // a statement that returns rows makes them with one literal (sqlite-rows.server.ts); a write without RETURNING runs
  const rows = prepared.reader ? objectRows(prepared) : null
  const reading = () => {
    if (!rows) throw new Error(`a statement that returns no rows was read: ${query.sql}`)
    return rows
  }
  return {
    // rows are typed by the query that compiled the SQL, as in Kysely's own driver
    get: (...args: Args) => reading().get(parameters(args)) as Row | undefined,
    all: (...args: Args) => reading().all(parameters(args)) as Row[],
    run: (...args: Args) => prepared.run(parameters(args)).changes,
  }
}

// A write waiting for another connection's lock must not block the event loop (that connection may be Prisma's,
// waiting on this loop to commit): the busy timeout is 0 and a busy write is retried after a short pause instead.
const RETRY_FOR_MS = 5000
const isBusy = (error: unknown) => error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')

export async function retryWhileBusy<T>(write: () => T): Promise<T> {
  const until = Date.now() + RETRY_FOR_MS
  for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
    try {
      return write()
    } catch (error) {
      if (!isBusy(error) || Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, pause))
    }
  }
}
