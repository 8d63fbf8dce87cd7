// The scale bench on PostgreSQL: the organisation is seeded into SQLite as usual (fast, one transaction), then every
// table is copied into a migrated database on a throwaway PostgreSQL 15 cluster (the one the tests start), in
// batches of multi-row INSERTs in one transaction. SQLite's stored values read back as PostgreSQL input: ISO text
// into TIMESTAMP(3), 0/1 into BOOLEAN. Foreign keys are not checked during the copy (the rows came from a database
// that checked them): session_replication_role = replica, which the cluster's superuser may set.
import Database from 'better-sqlite3'
import pg from 'pg'
import { deployPostgres } from '../../scripts/db-postgres.ts'
import { startThrowawayPostgres, type PostgresCluster } from '../../scripts/postgres-cluster.ts'

const MAX_PARAMETERS = 60_000

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
    for (const table of tables) {
      const total = (source.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
      if (total === 0) continue
      const columns = (source.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; type: string }>)
      const batch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))
      const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES `
      const flags = columns.map((c) => c.type.toUpperCase() === 'BOOLEAN')
      let rows: unknown[][] = []
      let done = 0
      const flush = async () => {
        if (rows.length === 0) return
        const values = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ')
        await target.query(head + values, rows.flat())
        done += rows.length
        progress(table, done, total)
        rows = []
      }
      for (const row of source.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        rows.push(row.map((value, c) => (flags[c] && value !== null ? value === 1 : value)))
        if (rows.length === batch) await flush()
      }
      await flush()
    }
    await target.query('COMMIT')
    await target.query('ANALYZE')
  } finally {
    await target.end()
    source.close()
  }
}
