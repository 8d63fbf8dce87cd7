-- CreateTable
CREATE TABLE "ContentSourceVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "text" TEXT,
    "bytes" BLOB,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StudioDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL,
    "baseNumber" INTEGER NOT NULL,
    "text" TEXT,
    "bytes" BLOB,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StudioPresence" (
    "path" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("path", "userId")
);

-- CreateTable
CREATE TABLE "StudioCourseLimit" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "courseId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentSourceVersion_path_number_key" ON "ContentSourceVersion"("path", "number");

-- CreateIndex
CREATE UNIQUE INDEX "StudioDraft_path_key" ON "StudioDraft"("path");
