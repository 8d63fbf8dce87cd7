// The quality roll-up (models QualityDay, QualityItemDay, QualityPhraseDay; decision 0033): a hall's closed day
// (before today, hall time) folded once from that day's submitted attempts of the hall's clerks, by the first page
// view that needs it (or by a seed), in one transaction per day that reads the attempts it folds. A closed day's
// attempts change only by a re-mark, a deadline close dated into that day, or a clerk moving hall: each of those
// forgets the day(s) in its own transaction (forgetQualityDay / forgetHallsQuality here, and the SQLite attempt
// store's own statements from sqliteQualityForget), and the next view folds them again. The 服务禁语 found depend
// on the list: a day folded with another list (its fingerprint) counts as not folded.
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { CompiledQuery } from 'kysely'
import { z } from 'zod'
import { hallDay } from '~/core/dates'
import type { CompiledPhraseList } from '~/core/phrases'
import { isStoredReview, reviewOfStored, STORED_REVIEW_START } from '~/core/quiz/stored-review'
import { foldItems, foldPhrases, type AttemptFacts } from '~/core/unit-quality'
import { checkThenWrite, type Transaction } from './db.server'
import { compileWithArguments, preparedReadFor, sqliteStatements, type TransactionReader } from './kysely.server'
import { quizVersionsFor, type LoadedQuizVersion } from './quiz-versions.server'
import { instant, storedInstant } from './stored.server'

const DAY = 86_400_000

const fingerprints = new WeakMap<CompiledPhraseList, string>()

/** Which 服务禁语 list (entries and trained detector) phrase rows were found with; computed once per compiled list. */
export function phraseListFingerprint(list: CompiledPhraseList): string {
  let fingerprint = fingerprints.get(list)
  if (!fingerprint) {
    fingerprint = createHash('sha256').update(JSON.stringify({ entries: list.entries, detector: list.detector ?? null })).digest('hex').slice(0, 16)
    fingerprints.set(list, fingerprint)
  }
  return fingerprint
}

const StoredFacts = z.object({
  items: z.array(z.object({ itemId: z.string(), points: z.number(), maxPoints: z.number() })),
  reviews: z.array(z.object({ itemId: z.string(), review: z.object({ type: z.string().optional(), text: z.string().optional(), steps: z.array(z.object({ reply: z.string() })).optional() }) })),
})

/**
 * What the figures read of an attempt's stored result; null for a result of another shape (left out, as before). A
 * result of shape 2 (decision 0036) is read with its quiz version (from `versions`), as its review page reads it.
 */
export function attemptFactsOf(
  row: { userId: string; quizId: string; quizVersionId: string; result: string | null },
  versions: ReadonlyMap<string, LoadedQuizVersion> = new Map(),
): AttemptFacts | null {
  const stored: unknown = JSON.parse(row.result ?? 'null')
  const version = versions.get(row.quizVersionId)
  if (isStoredReview(stored) && !version) throw new Error(`attempt facts: quiz version ${row.quizVersionId} not loaded`)
  const review = isStoredReview(stored) && version ? reviewOfStored(row.result, version.quiz, version.context) : stored
  const parsed = StoredFacts.safeParse(review)
  return parsed.success ? { userId: row.userId, quizId: row.quizId, ...parsed.data } : null
}

/** A hall day's instants: Shanghai has kept UTC+8 since 1991 (app/core/dates.ts), so a day starts at 16:00 UTC the day before. */
export function hallDayBounds(day: string): { start: string; end: string } {
  const start = Date.parse(`${day}T00:00:00+08:00`)
  return { start: storedInstant(new Date(start)), end: storedInstant(new Date(start + DAY)) }
}

// SQLite keeps Prisma's ISO text ("…+00:00"), which compares as text; PostgreSQL compares the timestamp.
const attemptsBetween = preparedReadFor((q, hallIds: readonly string[], start: string, end: string) =>
  q
    .selectFrom('User as u')
    .innerJoin('Attempt as a', 'a.userId', 'u.id')
    .select(['u.hallId', 'a.userId', 'a.quizId', 'a.quizVersionId', 'a.result', 'a.submittedAt'])
    .where('u.hallId', 'in', hallIds)
    .where('a.submittedAt', '>=', start)
    .where('a.submittedAt', '<', end)
    .where('a.status', '=', 'submitted'),
)

const foldedPairs = preparedReadFor((q, hallIds: readonly string[], first: string, last: string, fingerprint: string) =>
  q.selectFrom('QualityDay').select(['hallId', 'day']).where('hallId', 'in', hallIds).where('day', '>=', first).where('day', '<=', last).where('phrases', '=', fingerprint),
)

export interface HallDay {
  hallId: string
  day: string
}
export const pairKey = (hallId: string, day: string) => `${hallId} ${day}`

/** The facts of the halls' submitted attempts on these hall days, per hall day (every one asked for has an entry). */
export async function attemptFactsByHallDay(db: TransactionReader, pairs: readonly HallDay[]): Promise<Map<string, AttemptFacts[]>> {
  const byPair = new Map<string, AttemptFacts[]>(pairs.map((p) => [pairKey(p.hallId, p.day), []]))
  if (pairs.length === 0) return byPair
  const days = pairs.map((p) => p.day).sort()
  const hallIds = [...new Set(pairs.map((p) => p.hallId))]
  const rows = await attemptsBetween(db, hallIds, hallDayBounds(days[0]).start, hallDayBounds(days.at(-1)!).end)
  // only a result of shape 2 is read with its version (results written before it, or by the scale bench, need none)
  const versions = await quizVersionsFor(db, rows.filter((row) => row.result?.startsWith(STORED_REVIEW_START)).map((row) => row.quizVersionId))
  for (const row of rows) {
    if (!row.hallId || !row.submittedAt) continue
    const facts = attemptFactsOf(row, versions)
    if (facts) byPair.get(pairKey(row.hallId, hallDay(instant(row.submittedAt))))?.push(facts)
  }
  return byPair
}

/** Replaces the rows of these hall days with the fold of their attempts; inside the caller's transaction. */
export async function writeFoldedDays(tx: Transaction, pairs: readonly HallDay[], phrases: CompiledPhraseList): Promise<void> {
  const byPair = await attemptFactsByHallDay(tx, pairs)
  for (const [day, hallIds] of groupByDay(pairs)) await forgetDays(tx, hallIds, day)
  const fingerprint = phraseListFingerprint(phrases)
  const factsOf = (p: HallDay) => byPair.get(pairKey(p.hallId, p.day))!
  await tx.qualityDay.createMany({ data: pairs.map((p) => ({ ...p, attempts: factsOf(p).length, phrases: fingerprint })) })
  const items = pairs.flatMap((p) => foldItems(factsOf(p)).map((sum) => ({ ...p, ...sum })))
  if (items.length) await tx.qualityItemDay.createMany({ data: items })
  const hits = pairs.flatMap((p) => foldPhrases(factsOf(p), phrases).map((hit) => ({ ...p, ...hit })))
  if (hits.length) await tx.qualityPhraseDay.createMany({ data: hits })
}

/** Hall days grouped per day. */
export function groupByDay(pairs: readonly HallDay[]): Map<string, string[]> {
  const days = new Map<string, string[]>()
  for (const { hallId, day } of pairs) days.set(day, [...(days.get(day) ?? []), hallId])
  return days
}

/** Days folded per transaction: a unit's first view of a long window is a few transactions, none of them long. */
const DAYS_PER_FOLD = 15

/**
 * Folds these closed days for the halls not folded yet (with this list), a few days per transaction, each checking
 * again which hall days are missing: parallel views needing the same days fold them once (the others find them).
 */
export async function foldMissingDays(hallIds: readonly string[], days: readonly string[], phrases: CompiledPhraseList): Promise<void> {
  const fingerprint = phraseListFingerprint(phrases)
  const sorted = [...days].sort()
  for (let i = 0; i < sorted.length; i += DAYS_PER_FOLD) {
    const chunk = sorted.slice(i, i + DAYS_PER_FOLD)
    const fold = () =>
      checkThenWrite(
        async (tx) => {
          const folded = new Set((await foldedPairs(tx, hallIds, chunk[0], chunk.at(-1)!, fingerprint)).map((r) => pairKey(r.hallId, r.day)))
          const missing = chunk.flatMap((day) => hallIds.filter((hallId) => !folded.has(pairKey(hallId, day))).map((hallId) => ({ hallId, day })))
          if (missing.length) await writeFoldedDays(tx, missing, phrases)
        },
        { timeout: 60_000 },
      )
    // PostgreSQL may report a parallel view's fold of the same days as a unique violation rather than a serialization
    // failure (its check read them absent through another plan): folding again finds them folded and writes nothing
    for (let tries = 1; ; tries++) {
      try {
        await fold()
        break
      } catch (error) {
        if (!isUniqueViolation(error) || tries >= 5) throw error
      }
    }
  }
}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002'

async function forgetDays(tx: Transaction, hallIds: string[], day?: string): Promise<void> {
  const where = { hallId: { in: hallIds }, ...(day ? { day } : {}) }
  await tx.qualityDay.deleteMany({ where })
  await tx.qualityItemDay.deleteMany({ where })
  await tx.qualityPhraseDay.deleteMany({ where })
}

/** A re-mark or a late close changed one of the clerk's attempts of the hall day of `at`: that day folds again. */
export async function forgetQualityDay(tx: Transaction, userId: string, at: Date): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { hallId: true } })
  if (user?.hallId) await forgetDays(tx, [user.hallId], hallDay(at))
}

/** A clerk moved from one hall to another: their attempts count in the new hall, so every folded day of both goes. */
export async function forgetHallsQuality(tx: Transaction, hallIds: ReadonlyArray<string | null | undefined>): Promise<void> {
  const ids = hallIds.filter((id): id is string => Boolean(id))
  if (ids.length) await forgetDays(tx, ids)
}

/** forgetQualityDay for the SQLite attempt store, on its own connection (inside its own transactions). */
export function sqliteQualityForget(db: Database.Database): (userId: string, at: Date) => void {
  // rows are typed by the query that compiled the SQL, as in the attempt store's own statements
  const hallQuery = compileWithArguments(sqliteStatements, (q, userId: string) => q.selectFrom('User').select('hallId').where('id', '=', userId), ['']).query
  const hallOf = db.prepare(hallQuery.sql)
  const deletes = (['QualityDay', 'QualityItemDay', 'QualityPhraseDay'] as const).map((table) =>
    db.prepare(compileWithArguments(sqliteStatements, (q, hallId: string, day: string) => q.deleteFrom(table).where('hallId', '=', hallId).where('day', '=', day), ['', '']).query.sql),
  )
  return (userId, at) => {
    const hall = hallOf.get(userId) as RowOf<typeof hallQuery> | undefined
    if (!hall?.hallId) return
    const day = hallDay(at)
    for (const statement of deletes) statement.run(hall.hallId, day)
  }
}

type RowOf<Query> = Query extends CompiledQuery<infer Row> ? Row : never
