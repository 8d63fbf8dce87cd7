// The managers' per learner and course roll-up of module reads (CourseReadRollup) for the scale bench's file,
// written in one statement from every read in the file (the app's rebuild would read them back through Prisma;
// "or replace": a file that already holds roll-ups, as a test's demo database does, gets the same figures again).
// It follows app/core/read-rollup.ts: reads of a current module at its current version count, the last of them is
// when reading was complete, the latest read of any version is the last activity. tests/integration/manage-figures.test.ts
// checks the result equals the app's rebuild.
import type Database from 'better-sqlite3'

export function writeReadRollups(db: Database.Database): void {
  db.exec(`
    INSERT OR REPLACE INTO "CourseReadRollup" ("userId", "courseId", "read", "total", "currentReadAt", "lastReadAt")
    SELECT r."userId", r."courseId", COUNT(cur."moduleVersionId"), COALESCE(t."total", 0),
           MAX(CASE WHEN cur."moduleVersionId" IS NOT NULL THEN r."readAt" END), MAX(r."readAt")
    FROM "ModuleRead" r
    LEFT JOIN (SELECT cm."moduleVersionId", c."id" AS "courseId" FROM "CourseModule" cm JOIN "Course" c ON c."currentVersionId" = cm."courseVersionId") cur
      ON cur."moduleVersionId" = r."moduleVersionId" AND cur."courseId" = r."courseId"
    LEFT JOIN (SELECT c."id" AS "courseId", COUNT(*) AS "total" FROM "CourseModule" cm JOIN "Course" c ON c."currentVersionId" = cm."courseVersionId" GROUP BY c."id") t
      ON t."courseId" = r."courseId"
    GROUP BY r."userId", r."courseId"
  `)
}
