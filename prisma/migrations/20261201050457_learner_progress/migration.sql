-- CreateTable
CREATE TABLE "LearnerProgress" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "lastActivityAt" DATETIME,
    "quizzesPassed" INTEGER NOT NULL DEFAULT 0,
    "passedQuizIds" TEXT NOT NULL DEFAULT '',
    "readCounts" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "LearnerProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
