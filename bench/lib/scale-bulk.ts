// Bulk loading a SQLite file with better-sqlite3 for the scale seed: multi-row INSERTs (one statement run per
// ROWS_PER_INSERT rows: the per-call cost of binding and stepping is paid once per batch) and indexes rebuilt after
// the load (CREATE INDEX sorts once; a loaded index takes a random B-tree insert per row).
import type Database from 'better-sqlite3'

type Value = string | number | null

/** SQLite allows 32 766 bound parameters per statement; 100 rows × ≤ 14 columns stays far below. */
const ROWS_PER_INSERT = 100

export interface BulkInserter {
  /** Buffers one row (values in the column order given); writes a full batch at once. */
  add(...values: Value[]): void
  /** Writes what is buffered (call inside the caller's transaction, after its last row). */
  flush(): void
}

export function bulkInserter(db: Database.Database, table: string, columns: string[]): BulkInserter {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const statement = (rows: number) => db.prepare(head + Array.from({ length: rows }, () => tuple).join(', '))
  const full = statement(ROWS_PER_INSERT)
  const buffer: Value[] = new Array(ROWS_PER_INSERT * columns.length)
  let filled = 0
  return {
    add(...values) {
      for (let i = 0; i < values.length; i++) buffer[filled++] = values[i]
      if (filled === buffer.length) {
        full.run(buffer)
        filled = 0
      }
    },
    flush() {
      if (filled === 0) return
      statement(filled / columns.length).run(buffer.slice(0, filled))
      filled = 0
    },
  }
}

/**
 * Runs `load` with the named tables' own indexes dropped (not the primary keys' automatic ones, which SQLite keeps),
 * then recreates each from the exact CREATE statement the migrations stored, so the schema ends as it began;
 * a unique index recreated over duplicate rows fails, as the inserts would have.
 */
export function withoutIndexes(db: Database.Database, tables: string[], progress: (label: string, done: number, total: number) => void, load: () => void): void {
  const indexes = db
    .prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "sql" IS NOT NULL AND "tbl_name" IN (${tables.map(() => '?').join(', ')})`)
    .all(...tables) as Array<{ name: string; sql: string }>
  db.transaction(() => {
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`)
  })()
  load()
  indexes.forEach((index, i) => {
    db.exec(index.sql)
    progress('indexes', i + 1, indexes.length)
  })
}
