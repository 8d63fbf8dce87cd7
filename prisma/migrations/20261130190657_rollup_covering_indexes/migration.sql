-- CreateIndex
CREATE INDEX "QuizRollup_userId_lastSubmittedAt_passed_quizId_firstPassedAt_idx" ON "QuizRollup"("userId", "lastSubmittedAt", "passed", "quizId", "firstPassedAt");

-- CreateIndex
CREATE INDEX "CourseReadRollup_userId_lastReadAt_courseId_read_total_currentReadAt_idx" ON "CourseReadRollup"("userId", "lastReadAt", "courseId", "read", "total", "currentReadAt");
