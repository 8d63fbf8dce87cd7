// A fresh, migrated SQLite file for one test file, wired in as the app's database.
import { copyFileSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import type { PrismaClient } from '~/generated/prisma/client'

export async function useTestDatabase(): Promise<{ db: PrismaClient; file: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-test-'))
  const file = path.join(dir, 'test.db')
  copyFileSync(inject('templateDatabase'), file)
  process.env.DATABASE_URL = `file:${file}`
  process.env.SESSION_SECRET ??= 'integration-test-secret-0123456789abcdef'
  // The app's lazy singleton must open this file, not one left from another test file.
  const shared = globalThis as unknown as { __prisma?: PrismaClient }
  await shared.__prisma?.$disconnect()
  shared.__prisma = undefined
  const db = createPrismaClient()
  await tuneConnection(db)
  return { db, file }
}
