-- CreateTable
CREATE TABLE "QuizRollup" (
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "submitted" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "firstPassedAt" TIMESTAMP(3),
    "lastSubmittedAt" TIMESTAMP(3),

    CONSTRAINT "QuizRollup_pkey" PRIMARY KEY ("userId","quizId")
);

-- AddForeignKey
ALTER TABLE "QuizRollup" ADD CONSTRAINT "QuizRollup_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

