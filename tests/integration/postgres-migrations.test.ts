// The PostgreSQL twins keep up with the SQLite schema and migrations (`npm run db:migration:postgres` writes
// them), and — on the PostgreSQL run — build exactly the database prisma/postgres/schema.prisma describes.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { diff, postgresMigrations, postgresSchema } from '../../scripts/db-postgres'
import { createDatabase, sibling } from '../postgres'

const stale = 'run `npm run db:migration:postgres` and commit what it writes'

it('every SQLite migration has its PostgreSQL twin, in the same order', () => {
  const sqlite = readdirSync('prisma/migrations', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
  expect(postgresMigrations(), stale).toEqual(sqlite)
  for (const name of sqlite) expect(existsSync(`prisma/postgres/migrations/${name}/migration.sql`), name).toBe(true)
})

it('the PostgreSQL schema and its snapshot are the current schema', () => {
  const expected = postgresSchema(readFileSync('prisma/schema.prisma', 'utf8'))
  expect(readFileSync('prisma/postgres/schema.prisma', 'utf8'), stale).toBe(expected)
  expect(readFileSync('prisma/postgres/migrations/schema.snapshot.prisma', 'utf8'), stale).toBe(expected)
  expect(expected).toContain('provider = "postgresql"')
  expect(expected).not.toContain('generator kysely')
})

describe.runIf(process.env.TEST_DATABASE === 'postgres')('on PostgreSQL', () => {
  it('the twins build exactly the database that the schema describes', async () => {
    const template = inject('templateDatabase')
    await createDatabase(sibling(template, 'postgres'), 'ssa_from_schema')
    const fromSchema = new pg.Client({ connectionString: sibling(template, 'ssa_from_schema') })
    const fromMigrations = new pg.Client({ connectionString: template })
    await Promise.all([fromSchema.connect(), fromMigrations.connect()])
    try {
      await fromSchema.query(diff(null, 'prisma/postgres/schema.prisma'))
      const [a, b] = await Promise.all([describeDatabase(fromMigrations), describeDatabase(fromSchema)])
      expect(a.columns.length).toBeGreaterThan(50)
      expect(a).toEqual(b)
    } finally {
      await Promise.all([fromSchema.end(), fromMigrations.end()])
    }
  })
})

/** Columns, indexes and constraints of the public schema (the migrator's own table left out). */
async function describeDatabase(client: pg.Client) {
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_PostgresMigration' ORDER BY table_name, column_name`,
  )
  const indexes = await client.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_PostgresMigration' ORDER BY indexname`)
  const constraints = await client.query(
    `SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_PostgresMigration"' ORDER BY conname`,
  )
  return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows }
}
