// The quality roll-up against a recount (decision 0033): every folded hall day's rows compared with a fresh fold of
// that day's attempts (the tests and `npm run db:rollup:rebuild -- --check`), and the rebuild that folds every
// folded day again (`npm run db:rollup:rebuild`). Days never folded are not "drift": the next view folds them.
import { rollupDrift } from '~/core/rollup-drift'
import { foldItems, foldPhrases } from '~/core/unit-quality'
import type { PrismaClient } from '~/generated/prisma/client'
import { checkThenWrite } from './db.server'
import { loadForbiddenPhrases } from './phrases.server'
import { attemptFactsByHallDay, groupByDay, pairKey, phraseListFingerprint, writeFoldedDays } from './quality-rollup.server'

/** The folded hall days, grouped per day (one recount or rebuild per day). */
async function foldedDays(db: PrismaClient): Promise<Map<string, string[]>> {
  return groupByDay(await db.qualityDay.findMany({ select: { hallId: true, day: true }, orderBy: [{ day: 'asc' }, { hallId: 'asc' }] }))
}

const sameShare = (a: number, b: number) => Math.abs(a - b) < 1e-9 // sums of fractions added in another order

/** Where the stored roll-up differs from a fold of the attempts of each day it holds ("missing", "extra", "differs"). */
export async function qualityRollupDrift(db: PrismaClient): Promise<string[]> {
  const phrases = loadForbiddenPhrases()
  const fingerprint = phraseListFingerprint(phrases)
  const drift: string[] = []
  for (const [day, hallIds] of await foldedDays(db)) {
    const byPair = await attemptFactsByHallDay(db, hallIds.map((hallId) => ({ hallId, day })))
    const factsOf = (hallId: string) => byPair.get(pairKey(hallId, day))!
    const where = { hallId: { in: hallIds }, day }
    const [marks, items, hits] = await Promise.all([db.qualityDay.findMany({ where }), db.qualityItemDay.findMany({ where }), db.qualityPhraseDay.findMany({ where })])
    const expectedMarks = hallIds.map((hallId) => ({ hallId, day, attempts: factsOf(hallId).length, phrases: fingerprint }))
    drift.push(...rollupDrift(expectedMarks, marks, (r) => `${r.hallId} ${r.day}`, (a, b) => a.attempts === b.attempts && a.phrases === b.phrases, 'attempts'))
    const expectedItems = hallIds.flatMap((hallId) => foldItems(factsOf(hallId)).map((sum) => ({ hallId, day, ...sum })))
    drift.push(...rollupDrift(expectedItems, items, (r) => `${r.hallId} ${r.day} ${r.quizId} ${r.itemId}`, (a, b) => a.type === b.type && a.attempts === b.attempts && sameShare(a.share, b.share), 'attempts'))
    const expectedHits = hallIds.flatMap((hallId) => foldPhrases(factsOf(hallId), phrases).map((hit) => ({ hallId, day, ...hit })))
    drift.push(...rollupDrift(expectedHits, hits, (r) => `${r.hallId} ${r.day} ${r.phraseId} ${r.userId}`, (a, b) => a.hits === b.hits, 'attempts'))
  }
  return drift
}

/** Folds every folded hall day again from its attempts, one transaction per day; how many hall days. */
export async function rebuildQualityRollups(db: PrismaClient): Promise<number> {
  const phrases = loadForbiddenPhrases()
  let count = 0
  for (const [day, hallIds] of await foldedDays(db)) {
    await checkThenWrite((tx) => writeFoldedDays(tx, hallIds.map((hallId) => ({ hallId, day })), phrases), { db, timeout: 60_000 })
    count += hallIds.length
  }
  return count
}
