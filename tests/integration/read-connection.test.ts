// The query layer's read-only SQLite connection maps the file and keeps a larger page cache (decision 0043): read
// back from the very connection the app's reads use, not from a connection opened for the test.
import { sql } from 'kysely'
import { queries } from '~/server/kysely.server'
import { READ_CACHE_KIB, READ_MMAP_BYTES } from '~/server/sqlite-read.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
beforeAll(async () => {
  ;({ db } = await useTestDatabase())
}, 120_000)
afterAll(() => db.$disconnect())

describe.skipIf(process.env.TEST_DATABASE === 'postgres')('the read connection (SQLite)', () => {
  it('maps the file and keeps a larger cache than SQLite’s default 2 MB', async () => {
    const mmap = await sql<{ mmap_size: number }>`PRAGMA mmap_size`.execute(queries())
    const cache = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(queries())
    expect(mmap.rows[0].mmap_size).toBe(READ_MMAP_BYTES)
    expect(cache.rows[0].cache_size).toBe(-READ_CACHE_KIB)
    expect(READ_MMAP_BYTES).toBeGreaterThan(0)
    expect(-READ_CACHE_KIB).toBeLessThan(-2000)
  })
})
