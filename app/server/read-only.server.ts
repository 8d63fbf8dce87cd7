// A second, read-only SQLite connection for the statements every page view runs (the session user, the
// content generation, a learner's assignments and reads). Prepared once and run synchronously: Prisma's
// per-query machinery costs more than these reads themselves. Writes always go through Prisma.
import path from 'node:path'
import Database from 'better-sqlite3'
import { databaseUrl } from './db.server'

let connection: { file: string; db: Database.Database } | null = null
const statements = new Map<string, Database.Statement>()

function database(): Database.Database {
  const file = path.resolve(databaseUrl().replace(/^file:/, ''))
  if (connection?.file !== file) {
    connection?.db.close()
    statements.clear()
    connection = { file, db: new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 }) }
  }
  return connection.db
}

/** Runs a prepared read (cached by its SQL) with positional parameters. */
export function readAll<T>(sql: string, ...params: unknown[]): T[] {
  const db = database()
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    statements.set(sql, statement)
  }
  return statement.all(...params) as T[]
}
