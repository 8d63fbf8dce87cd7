// The read-only SQLite connections of the query layer (kysely.server.ts) and of the export workers: a larger page
// cache than SQLite's default 2 MB, and for the bulk reads the file mapped into memory (mmap_size) instead of every
// page copied through pread: a whole-organisation export walks tens of MB of index and table pages (decision 0043).
import Database from 'better-sqlite3'

/**
 * Bytes of the file SQLite may map (it maps no more than the file's size): the most this build of SQLite allows
 * (SQLITE_MAX_MMAP_SIZE, 0x7fff0000), so that a large database is mapped whole. At 256 MB the scale seed's 1.4 GB
 * file was mapped only in part and a region's pages beyond it came through pread; mapped whole, a region overview's
 * p95 was lower in 6 of 6 alternated pairs (≈ 88 against ≈ 101 ms, decision 0047). Address space, not memory: the
 * pages are the OS's file cache, counted in RSS only once touched.
 */
export const READ_MMAP_BYTES = 0x7fff0000
/** KiB of page cache (a negative cache_size counts KiB): the point connection's pages, and the bulk connection's
 * pages that are not mapped (the WAL's). */
export const READ_CACHE_KIB = 16 * 1024

/** The bulk connection opened last (benches set its pragmas back to SQLite's defaults for an A/B in one process). */
export let lastReadConnection: Database.Database | null = null

/**
 * A read-only connection on `file`. `mapped` for the bulk reads (an export's pages, an overview's per-learner rows):
 * SQLite maps the file. Not for the point reads every request makes (the session guard's, a page's few rows): at the
 * first read after any other connection's commit (every answer saved is one), SQLite drops a mapped connection's whole
 * map and maps the file again, and the pages it then touches fault in afresh: the session guard's read measured
 * ~105 µs after a commit mapped, ~34 unmapped, ~12–20 either way with no commit between (decision 0048).
 */
export function openReadConnection(file: string, { mapped }: { mapped: boolean }): Database.Database {
  const database = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 })
  if (mapped) database.pragma(`mmap_size = ${READ_MMAP_BYTES}`)
  database.pragma(`cache_size = -${READ_CACHE_KIB}`)
  if (mapped) lastReadConnection = database
  return database
}
