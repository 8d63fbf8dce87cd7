// The query layer's two read-only SQLite connections (decisions 0043, 0048): the point reads' connection is not
// mapped (a commit by any other connection makes SQLite drop a mapped connection's map at its next read, which cost
// every request's session check more than the read itself); the bulk reads' connection maps the file; both keep a
// larger page cache. Read back from the very connections the app's reads use, not from connections opened for the test.
import { readConnectionSettings } from '~/server/kysely.server'
import { READ_CACHE_KIB, READ_MMAP_BYTES } from '~/server/sqlite-read.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
beforeAll(async () => {
  ;({ db } = await useTestDatabase())
}, 120_000)
afterAll(() => db.$disconnect())

describe.skipIf(process.env.TEST_DATABASE === 'postgres')('the read connections (SQLite)', () => {
  it('maps the file for the bulk reads only, and both keep a larger cache than SQLite’s default 2 MB', () => {
    const settings = readConnectionSettings()
    expect(settings).toEqual({
      point: { mmapSize: 0, cacheSize: -READ_CACHE_KIB },
      bulk: { mmapSize: READ_MMAP_BYTES, cacheSize: -READ_CACHE_KIB },
    })
    expect(READ_MMAP_BYTES).toBeGreaterThan(0)
    expect(-READ_CACHE_KIB).toBeLessThan(-2000)
  })
})
