-- CreateTable
CREATE TABLE "StudioSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewRequired" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StudioReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "comment" TEXT
);

-- CreateIndex
CREATE INDEX "StudioReview_path_revision_idx" ON "StudioReview"("path", "revision");

-- CreateIndex
CREATE INDEX "StudioReview_status_idx" ON "StudioReview"("status");
