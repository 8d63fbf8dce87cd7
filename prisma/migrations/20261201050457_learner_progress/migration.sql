-- CreateTable
CREATE TABLE "LearnerProgress" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "lastActivityAt" DATETIME,
    "quizzesPassed" INTEGER NOT NULL DEFAULT 0,
    "passedQuizIds" TEXT NOT NULL DEFAULT '',
    "readCounts" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "LearnerProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- FillFromRollups: a database migrated with attempts and reads already has its two roll-ups; each learner's row is
-- folded from them here, as learnerProgressOf (app/core/learner-progress.ts) folds it (decision 0041), so that the
-- export does not show empty figures until `npm run db:rollup:rebuild`. Read counts by course id, ids in any order.
INSERT INTO "LearnerProgress" ("userId", "lastActivityAt", "quizzesPassed", "passedQuizIds", "readCounts")
SELECT u."id",
    (SELECT MAX(x) FROM (
        SELECT MAX(q."lastSubmittedAt") AS x FROM "QuizRollup" q WHERE q."userId" = u."id"
        UNION ALL SELECT MAX(r."lastReadAt") FROM "CourseReadRollup" r WHERE r."userId" = u."id")),
    (SELECT COUNT(*) FROM "QuizRollup" q WHERE q."userId" = u."id" AND q."passed" = 1),
    COALESCE((SELECT group_concat(q."quizId" || ',', '') FROM "QuizRollup" q WHERE q."userId" = u."id" AND q."passed" = 1), ''),
    COALESCE((SELECT group_concat(c, ',') FROM (
        SELECT r."courseId" || ':' || r."read" AS c FROM "CourseReadRollup" r WHERE r."userId" = u."id" ORDER BY r."courseId")), '')
FROM "User" u
WHERE EXISTS (SELECT 1 FROM "QuizRollup" q WHERE q."userId" = u."id")
   OR EXISTS (SELECT 1 FROM "CourseReadRollup" r WHERE r."userId" = u."id");
