-- CreateTable
CREATE TABLE "StudioSetting" (
    "id" TEXT NOT NULL,
    "reviewRequired" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3),

    CONSTRAINT "StudioSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioReview" (
    "id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT,

    CONSTRAINT "StudioReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StudioReview_path_revision_idx" ON "StudioReview"("path", "revision");

-- CreateIndex
CREATE INDEX "StudioReview_status_idx" ON "StudioReview"("status");

