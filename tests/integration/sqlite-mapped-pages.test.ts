// The app's SQLite connections read the database file's pages through a memory map (decision 0042): read back from
// each connection the app opens, the whole file is mapped. PostgreSQL has no such setting: nothing to check there.
import { statSync } from 'node:fs'
import { sql } from 'kysely'
import type { PrismaClient } from '~/generated/prisma/client'
import { queries } from '~/server/kysely.server'
import { openSqliteFile } from '~/server/sqlite-file.server'
import { useTestDatabase } from '../database'

const onPostgres = process.env.TEST_DATABASE === 'postgres'

describe.skipIf(onPostgres)('SQLite pages read through a memory map', () => {
  let file: string
  let db: PrismaClient // created and tuned as the app's client is (createPrismaClient, tuneConnection)
  beforeAll(async () => {
    ;({ file, db } = await useTestDatabase())
  })

  const mapsTheWholeFile = (bytes: number | bigint) => {
    expect(statSync(file).size).toBeGreaterThan(0)
    expect(Number(bytes)).toBeGreaterThanOrEqual(statSync(file).size)
  }

  it("on the query layer's read-only connection (the session guard's and the pages' reads)", async () => {
    const { rows } = await sql<{ mmap_size: number }>`PRAGMA mmap_size`.execute(queries())
    mapsTheWholeFile(rows[0].mmap_size)
  })

  it("on Prisma's connection once tuned", async () => {
    const rows = await db.$queryRawUnsafe<Array<{ mmap_size: number | bigint }>>('PRAGMA mmap_size')
    mapsTheWholeFile(rows[0].mmap_size)
  })

  it("on a connection opened as the attempt store opens its own, read-only or not", () => {
    for (const readonly of [false, true]) {
      const db = openSqliteFile(file, { readonly, timeout: 0 })
      try {
        mapsTheWholeFile(db.pragma('mmap_size', { simple: true }) as number)
      } finally {
        db.close()
      }
    }
  })
})
