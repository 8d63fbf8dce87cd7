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

