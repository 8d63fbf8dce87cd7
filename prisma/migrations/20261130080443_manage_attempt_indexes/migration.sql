-- CreateIndex
CREATE INDEX "Attempt_userId_passed_quizId_submittedAt_idx" ON "Attempt"("userId", "passed", "quizId", "submittedAt");

-- CreateIndex
CREATE INDEX "Attempt_userId_submittedAt_idx" ON "Attempt"("userId", "submittedAt");
