// PostgreSQL twins of the SQLite schema and migrations, and the migrator that applies them.
//   tsx scripts/db-postgres.ts twins    (npm run db:migration:postgres) rewrites prisma/postgres/schema.prisma
//                                       from prisma/schema.prisma and writes the missing PostgreSQL migrations
//   tsx scripts/db-postgres.ts deploy   (npm run db:deploy, when DATABASE_URL is postgres://…) applies them
// `prisma migrate deploy` cannot run through the pg driver adapter (prisma/orm#27403), so the SQL files are
// applied here, each in its own transaction, recorded in "_PostgresMigration".
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'

const SQLITE_MIGRATIONS = 'prisma/migrations'
const POSTGRES_DIR = 'prisma/postgres'
const POSTGRES_MIGRATIONS = `${POSTGRES_DIR}/migrations`
const POSTGRES_SCHEMA = `${POSTGRES_DIR}/schema.prisma`
// The schema the PostgreSQL migrations produce: the next twin is the difference from it.
const POSTGRES_SNAPSHOT = `${POSTGRES_MIGRATIONS}/schema.snapshot.prisma`

/** prisma/schema.prisma for PostgreSQL: same models, its own client (app/generated/prisma-postgres), no Kysely types. */
export function postgresSchema(sqliteSchema: string): string {
  const withoutKysely = sqliteSchema.replace(/\n(\/\/[^\n]*\n)*generator kysely \{[^}]*\}\n/, '\n')
  return [
    '// GENERATED from prisma/schema.prisma by `npm run db:migration:postgres`: do not edit.',
    withoutKysely
      .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
      .replace(/output\s*=\s*"\.\.\/app\/generated\/prisma"/, 'output       = "../../app/generated/prisma-postgres"'),
  ].join('\n')
}

const sqliteMigrations = () =>
  readdirSync(SQLITE_MIGRATIONS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()

export const postgresMigrations = () =>
  existsSync(POSTGRES_MIGRATIONS)
    ? readdirSync(POSTGRES_MIGRATIONS, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : []

export function diff(from: string | null, to: string): string {
  const fromArgs = from ? ['--from-schema-datamodel', from] : ['--from-empty']
  // The CLI's config opens its SQLite adapter on DATABASE_URL (unused by a diff of two files): give it a scratch file.
  const scratch = path.join(mkdtempSync(path.join(tmpdir(), 'ssa-pg-diff-')), 'unused.db')
  const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', ...fromArgs, '--to-schema-datamodel', to, '--script'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, DATABASE_URL: `file:${scratch}` },
  })
  rmSync(path.dirname(scratch), { recursive: true, force: true })
  return sql
}

// Data steps (UPDATE, DELETE, INSERT other than Prisma's table rebuilds) are not in a schema diff.
const handWritten = (sql: string) => /^\s*(UPDATE|DELETE)\b/im.test(sql) || /^\s*INSERT INTO "(?!new_)/im.test(sql)

function twins(): void {
  const schema = postgresSchema(readFileSync('prisma/schema.prisma', 'utf8'))
  writeFileSync(POSTGRES_SCHEMA, schema)
  mkdirSync(POSTGRES_MIGRATIONS, { recursive: true })
  const done = new Set(postgresMigrations())
  const missing = sqliteMigrations().filter((name) => !done.has(name))
  if (missing.length === 0) return console.log('PostgreSQL migrations: none missing')
  // Migrations merged from several branches arrive together: the schema diff covers all of them at once, so the
  // last one carries it and the others say where their change went (their order is kept either way).
  const sql = diff(existsSync(POSTGRES_SNAPSHOT) ? POSTGRES_SNAPSHOT : null, POSTGRES_SCHEMA)
  for (const [i, name] of missing.entries()) {
    const last = i === missing.length - 1
    const own = readFileSync(path.join(SQLITE_MIGRATIONS, name, 'migration.sql'), 'utf8')
    if (handWritten(own)) console.warn(`${name}: the SQLite migration has data steps; write them into the PostgreSQL twin by hand`)
    mkdirSync(path.join(POSTGRES_MIGRATIONS, name), { recursive: true })
    const body = last ? sql : `-- The schema change of this migration is in ${missing.at(-1)} (generated together).\n`
    writeFileSync(path.join(POSTGRES_MIGRATIONS, name, 'migration.sql'), body)
    console.log(`wrote ${POSTGRES_MIGRATIONS}/${name}/migration.sql`)
  }
  writeFileSync(POSTGRES_SNAPSHOT, schema)
}

/** Applies the PostgreSQL migrations not yet applied to `url`, in name order, each in one transaction. */
export async function deployPostgres(url: string, log: (line: string) => void = console.log): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('CREATE TABLE IF NOT EXISTS "_PostgresMigration" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT now())')
    // one deployer at a time (two app instances starting together)
    await client.query('SELECT pg_advisory_lock(20261130)')
    const applied = new Set((await client.query<{ name: string }>('SELECT "name" FROM "_PostgresMigration"')).rows.map((r) => r.name))
    for (const name of postgresMigrations().filter((n) => !applied.has(n))) {
      const sql = readFileSync(path.join(POSTGRES_MIGRATIONS, name, 'migration.sql'), 'utf8')
      await client.query('BEGIN')
      try {
        await client.query(sql)
        await client.query('INSERT INTO "_PostgresMigration" ("name") VALUES ($1)', [name])
        await client.query('COMMIT')
        log(`applied ${name}`)
      } catch (error) {
        await client.query('ROLLBACK')
        throw new Error(`PostgreSQL migration ${name} failed: ${(error as Error).message}`)
      }
    }
  } finally {
    await client.end()
  }
}

// Run as a command (not when the tests import deployPostgres)
const command = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href ? process.argv[2] : undefined
if (command === 'twins') twins()
else if (command === 'deploy') {
  const url = process.env.DATABASE_URL
  if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL must be a postgres:// URL')
  await deployPostgres(url)
} else if (command !== undefined) {
  console.error('usage: tsx scripts/db-postgres.ts twins|deploy')
  process.exit(2)
}
