-- DropIndex
DROP INDEX "ModuleRead_userId_courseId_idx";

-- CreateIndex
CREATE INDEX "ModuleRead_userId_courseId_slug_moduleVersionId_readAt_idx" ON "ModuleRead"("userId", "courseId", "slug", "moduleVersionId", "readAt");
