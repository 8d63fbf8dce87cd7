// The scale bench on PostgreSQL: the organisation is seeded into SQLite as usual (fast, one transaction), then every
// table is copied into a migrated database on a throwaway PostgreSQL 15 cluster (the one the tests start), in
// batches of INSERT … SELECT FROM unnest(arrays) in one transaction, with the secondary indexes built after the copy
// (pg-copy-streams, for COPY FROM STDIN, is not a dependency; decision 0029 measured the copy). SQLite's stored values read back as PostgreSQL input: ISO text
// into TIMESTAMP(3), 0/1 into BOOLEAN. Foreign keys are not checked during the copy (the rows came from a database
// that checked them): session_replication_role = replica, which the cluster's superuser may set.
import Database from 'better-sqlite3'
import pg from 'pg'
import { deployPostgres } from '../../scripts/db-postgres.ts'
import { startThrowawayPostgres, type PostgresCluster } from '../../scripts/postgres-cluster.ts'

let cluster: PostgresCluster | null = null

/** A new migrated database on the bench's cluster (started on first use, stopped by `stopScaleCluster`). */
export async function scaleDatabaseOnPostgres(name: string): Promise<string> {
  cluster ??= startThrowawayPostgres()
  const admin = new pg.Client({ connectionString: cluster.url('postgres') })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`)
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  await deployPostgres(cluster.url(name), () => {})
  return cluster.url(name)
}

export const stopScaleCluster = () => {
  cluster?.stop()
  cluster = null
}

/** Rows per INSERT: one array parameter per column, so the batch is bounded by memory, not by parameter count. */
const BATCH = 20_000

/** Copies every row of every table of the SQLite file into the PostgreSQL database (same tables, same columns). */
export async function copyIntoPostgres(file: string, url: string, progress: (table: string, done: number, total: number) => void): Promise<void> {
  const source = new Database(file, { readonly: true })
  const target = new pg.Client({ connectionString: url })
  await target.connect()
  try {
    const wanted = new Set((await target.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).rows.map((r) => r.table_name))
    const tables = (source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'").all() as Array<{ name: string }>)
      .map((t) => t.name)
      .filter((t) => wanted.has(t))
    await target.query('BEGIN')
    await target.query('SET LOCAL session_replication_role = replica')
    await target.query("SET LOCAL maintenance_work_mem = '256MB'")
    // every index but the primary keys, dropped for the copy and rebuilt from its own definition after it (one
    // sort each instead of a B-tree insert per row)
    const indexes = (
      await target.query<{ indexname: string; indexdef: string }>(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
      )
    ).rows
    for (const index of indexes) await target.query(`DROP INDEX "${index.indexname}"`)
    for (const table of tables) await copyTable(source, target, table, progress)
    for (const [i, index] of indexes.entries()) {
      await target.query(index.indexdef)
      progress('indexes', i + 1, indexes.length)
    }
    await target.query('COMMIT')
    await target.query('ANALYZE')
  } finally {
    await target.end()
    source.close()
  }
}

/**
 * One table in batches of `INSERT … SELECT * FROM unnest($1::type[], …)`: a parameter per column (an array of the
 * batch's values) instead of one per value, which PostgreSQL parses and plans once per batch.
 */
async function copyTable(source: Database.Database, target: pg.Client, table: string, progress: (table: string, done: number, total: number) => void): Promise<void> {
  const total = (source.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
  if (total === 0) return
  const names = (source.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name)
  const types = new Map(
    (
      await target.query<{ name: string; type: string }>(
        "SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a WHERE a.attrelid = format('%I', $1::text)::regclass AND a.attnum > 0 AND NOT a.attisdropped",
        [table],
      )
    ).rows.map((r) => [r.name, r.type]),
  )
  const flags = names.map((n) => types.get(n) === 'boolean')
  const statement = `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) SELECT * FROM unnest(${names.map((n, c) => `$${c + 1}::${types.get(n)}[]`).join(', ')})`
  let columns: unknown[][] = names.map(() => [])
  let done = 0
  const flush = async () => {
    if (columns[0].length === 0) return
    await target.query(statement, columns)
    done += columns[0].length
    progress(table, done, total)
    columns = names.map(() => [])
  }
  for (const row of source.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
    for (let c = 0; c < row.length; c++) columns[c].push(flags[c] && row[c] !== null ? row[c] === 1 : row[c])
    if (columns[0].length === BATCH) await flush()
  }
  await flush()
}
