// The demo seed folds the quality roll-up's closed days itself (decision 0033), so the first manager to open the
// overview after `npm run demo` does not wait while the whole organisation's window is folded; what it folded equals
// a recount, and a view afterwards folds nothing more. On either engine (TEST_DATABASE=postgres).
import type { PrismaClient } from '~/generated/prisma/client'
import { qualityRollupDrift } from '~/server/quality-rollup-check.server'
import { qualitySampleUnder } from '~/server/unit-quality.server'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date('2026-11-25T02:00:00.000Z') // 10:00 in the halls

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 180_000)
afterAll(() => db.$disconnect())

it('the seed leaves the demo halls’ closed days folded, equal to a recount; a view of the organisation folds nothing more', async () => {
  const folded = await db.qualityDay.count()
  expect(folded).toBeGreaterThan(0)
  expect(await db.qualityItemDay.count()).toBeGreaterThan(0)
  expect(await qualityRollupDrift(db)).toEqual([])
  const sample = await qualitySampleUnder('/', now)
  expect(sample.attempts).toBeGreaterThan(0)
  expect(await db.qualityDay.count()).toBe(folded)
}, 120_000)
