-- CreateTable
CREATE TABLE "LearnerProgress" (
    "userId" TEXT NOT NULL,
    "lastActivityAt" TIMESTAMP(3),
    "quizzesPassed" INTEGER NOT NULL DEFAULT 0,
    "passedQuizIds" TEXT NOT NULL DEFAULT '',
    "readCounts" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "LearnerProgress_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "LearnerProgress" ADD CONSTRAINT "LearnerProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- FillFromRollups: a database migrated with attempts and reads already has its two roll-ups; each learner's row is
-- folded from them here, as learnerProgressOf (app/core/learner-progress.ts) folds it (decision 0041), so that the
-- export does not show empty figures until `npm run db:rollup:rebuild`. Read counts by course id, ids in any order.
INSERT INTO "LearnerProgress" ("userId", "lastActivityAt", "quizzesPassed", "passedQuizIds", "readCounts")
SELECT u."id",
    GREATEST(
        (SELECT MAX(q."lastSubmittedAt") FROM "QuizRollup" q WHERE q."userId" = u."id"),
        (SELECT MAX(r."lastReadAt") FROM "CourseReadRollup" r WHERE r."userId" = u."id")),
    (SELECT COUNT(*) FROM "QuizRollup" q WHERE q."userId" = u."id" AND q."passed"),
    COALESCE((SELECT string_agg(q."quizId" || ',', '') FROM "QuizRollup" q WHERE q."userId" = u."id" AND q."passed"), ''),
    COALESCE((SELECT string_agg(r."courseId" || ':' || r."read", ',' ORDER BY r."courseId" COLLATE "C") FROM "CourseReadRollup" r WHERE r."userId" = u."id"), '')
FROM "User" u
WHERE EXISTS (SELECT 1 FROM "QuizRollup" q WHERE q."userId" = u."id")
   OR EXISTS (SELECT 1 FROM "CourseReadRollup" r WHERE r."userId" = u."id");
