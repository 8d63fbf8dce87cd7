// How the app's own better-sqlite3 connections open its database file (the query layer's read-only connection and
// the attempt store's): pages read through a memory map of the file, not copied in with pread.
// Why (decision 0042): in WAL mode a connection drops its whole page cache whenever another connection has written
// since its last read. The read connection is the session guard's, and every answer save is written on the attempt
// store's connection, so each guard re-read its pages from the file with pread, a fifth of the guard's CPU (0037).
// A mapped page is read in place, dropped cache or not; pages changed since the last checkpoint still come from the
// WAL file. Map size: the demo database with six months of history is ~60 MB; 256 MB leaves it room to grow (the
// map is address space, not memory: only pages read are resident, and they are the OS's page cache either way).
import path from 'node:path'
import Database from 'better-sqlite3'

export const SQLITE_MAP_BYTES = 256 * 1024 * 1024

export function openSqliteFile(file: string, options: { readonly?: boolean; timeout: number }): Database.Database {
  const db = new Database(path.resolve(file), { readonly: options.readonly ?? false, fileMustExist: true, timeout: options.timeout })
  db.pragma(`mmap_size = ${SQLITE_MAP_BYTES}`)
  return db
}
