// A fresh, migrated database for one test file, wired in as the app's database: a copy of the template
// SQLite file, or (TEST_DATABASE=postgres) a clone of the template database on the test cluster.
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'
import { importContent } from '~/server/content/import.server'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { createDatabase, sibling } from './postgres'

export async function useTestDatabase(): Promise<{ db: PrismaClient; file: string }> {
  const template = inject('templateDatabase')
  let file: string
  if (template.startsWith('postgres')) {
    const name = `ssa_test_${randomBytes(6).toString('hex')}`
    await createDatabase(sibling(template, 'postgres'), name, 'ssa_template')
    file = name
    process.env.DATABASE_URL = sibling(template, name)
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-test-'))
    file = path.join(dir, 'test.db')
    copyFileSync(template, file)
    process.env.DATABASE_URL = `file:${file}`
  }
  process.env.SESSION_SECRET ??= 'integration-test-secret-0123456789abcdef'
  // The app's lazy singleton must open this database, not one left from another test file.
  const shared = globalThis as unknown as { __prisma?: PrismaClient }
  await shared.__prisma?.$disconnect()
  shared.__prisma = undefined
  const db = createPrismaClient()
  await tuneConnection(db)
  return { db, file }
}

/** A test database holding the curriculum and the demo organisation with its six months of history, relative to
 * `now` (the curriculum first: the history reads its versions). */
export async function useDemoDatabase(now: Date): Promise<{ db: PrismaClient; file: string }> {
  const opened = await useTestDatabase()
  const imported = await importContent(opened.db, 'content')
  if (!imported.ok) throw new Error(`the curriculum does not import: ${JSON.stringify(imported).slice(0, 500)}`)
  await seedDemo(opened.db, { password: 'Test@2026', now, history: true })
  return opened
}
