// The managers' quality roll-up (QualityDay, QualityItemDay, QualityPhraseDay; decision 0033) for the scale bench's
// file: every hall's closed days of the sample window (QUALITY_WINDOW_DAYS before the seeding day, hall time)
// folded in two statements from the attempts, as a first page view would fold them (app/core/unit-quality.ts
// foldItems: per hall day, quiz and item, the attempts scoring it and the sum of their shares of its points).
// The seeded results hold no written answers or dialogue replies (`reviews: []`), so there is no 服务禁语 to find and
// no phrase row to write; the days carry the current list's fingerprint so that the app takes them as folded.
// tests/integration/manage-figures.test.ts checks the result equals the app's recount.
import type Database from 'better-sqlite3'
import { hallDay } from '../../app/core/dates.ts'
import { closedDaysBefore } from '../../app/core/unit-quality.ts'
import { hallDayBounds, phraseListFingerprint } from '../../app/server/quality-rollup.server.ts'
import { loadForbiddenPhrases } from '../../app/server/phrases.server.ts'
import { QUALITY_WINDOW_DAYS } from '../../app/server/unit-quality.server.ts'

/** Folds the closed days of the window for these halls (the seeded organisation's: a test's demo halls beside them keep theirs). */
export function writeQualityRollups(db: Database.Database, now: Date, hallIds: readonly string[]): void {
  const days = closedDaysBefore(hallDay(now), QUALITY_WINDOW_DAYS)
  const { start } = hallDayBounds(days.at(-1)!)
  const { end } = hallDayBounds(days[0])
  const fingerprint = phraseListFingerprint(loadForbiddenPhrases())
  db.transaction(() => {
    // "or replace": a file that already holds folded days (a test's demo database) gets the same figures again
    const day = db.prepare(`INSERT OR REPLACE INTO "QualityDay" ("hallId", "day", "attempts", "phrases") VALUES (?, ?, 0, ?)`)
    for (const hall of hallIds) {
      for (const d of days) day.run(hall, d, fingerprint)
    }
    db.prepare(`
      UPDATE "QualityDay" SET "attempts" = t."attempts"
      FROM (SELECT u."hallId", date(a."submittedAt", '+8 hours') AS "day", COUNT(*) AS "attempts"
            FROM "Attempt" a JOIN "User" u ON u."id" = a."userId"
            WHERE u."hallId" IN (SELECT "value" FROM json_each(?)) AND a."status" = 'submitted' AND a."submittedAt" >= ? AND a."submittedAt" < ? AND json_valid(a."result")
              AND json_type(a."result", '$.items') = 'array' AND json_type(a."result", '$.reviews') = 'array'
            GROUP BY 1, 2) t
      WHERE "QualityDay"."hallId" = t."hallId" AND "QualityDay"."day" = t."day"
    `).run(JSON.stringify(hallIds), start, end)
    db.prepare(`
      INSERT OR REPLACE INTO "QualityItemDay" ("hallId", "day", "quizId", "itemId", "type", "attempts", "share")
      SELECT u."hallId", date(a."submittedAt", '+8 hours'), a."quizId", json_extract(i."value", '$.itemId'),
             MIN(COALESCE((SELECT json_extract(r."value", '$.review.type') FROM json_each(a."result", '$.reviews') r
                           WHERE json_extract(r."value", '$.itemId') = json_extract(i."value", '$.itemId') LIMIT 1), 'unknown')),
             COUNT(*), SUM(CAST(json_extract(i."value", '$.points') AS REAL) / json_extract(i."value", '$.maxPoints'))
      FROM "Attempt" a JOIN "User" u ON u."id" = a."userId", json_each(a."result", '$.items') i
      WHERE u."hallId" IN (SELECT "value" FROM json_each(?)) AND a."status" = 'submitted' AND a."submittedAt" >= ? AND a."submittedAt" < ? AND json_valid(a."result")
        AND json_type(a."result", '$.reviews') = 'array' AND json_extract(i."value", '$.maxPoints') > 0
      GROUP BY 1, 2, 3, 4
    `).run(JSON.stringify(hallIds), start, end)
  })()
}
