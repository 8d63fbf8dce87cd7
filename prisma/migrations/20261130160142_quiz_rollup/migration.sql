-- CreateTable
CREATE TABLE "QuizRollup" (
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "submitted" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "firstPassedAt" DATETIME,
    "lastSubmittedAt" DATETIME,

    PRIMARY KEY ("userId", "quizId"),
    CONSTRAINT "QuizRollup_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
