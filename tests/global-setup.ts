// Builds one migrated database per test run; each test file gets its own copy (tests/database.ts).
// SQLite (the default): a template file, copied per test file (migrating costs ~1 s, copying ~1 ms).
// PostgreSQL (TEST_DATABASE=postgres, `npm run test:postgres`): a throwaway cluster with a migrated template
// database, cloned per test file with CREATE DATABASE … TEMPLATE.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { deployPostgres } from '../scripts/db-postgres'
import { startThrowawayPostgres } from '../scripts/postgres-cluster'
import { createDatabase } from './postgres'

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  if (process.env.TEST_DATABASE === 'postgres') {
    const cluster = startThrowawayPostgres()
    await createDatabase(cluster.url('postgres'), 'ssa_template')
    await deployPostgres(cluster.url('ssa_template'), () => {})
    provide('templateDatabase', cluster.url('ssa_template'))
    return () => cluster.stop()
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-template-'))
  const file = path.join(dir, 'template.db')
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  provide('templateDatabase', file)
  return () => rmSync(dir, { recursive: true, force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template: a SQLite file path, or a postgresql:// URL. */
    templateDatabase: string
  }
}
