-- CreateTable
CREATE TABLE "QuestionBank" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "importedById" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuestionBank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankItem" (
    "id" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "itemId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT,
    "category" TEXT,
    "item" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '[]',
    "sourceLine" INTEGER,
    "sourceIndex" INTEGER,

    CONSTRAINT "BankItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentSourceVersion" (
    "id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "text" TEXT,
    "bytes" BYTEA,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentSourceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioDraft" (
    "id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "baseNumber" INTEGER NOT NULL,
    "text" TEXT,
    "bytes" BYTEA,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudioDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioPresence" (
    "path" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudioPresence_pkey" PRIMARY KEY ("path","userId")
);

-- CreateTable
CREATE TABLE "StudioCourseLimit" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,

    CONSTRAINT "StudioCourseLimit_pkey" PRIMARY KEY ("userId","courseId")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionBank_sourceHash_key" ON "QuestionBank"("sourceHash");

-- CreateIndex
CREATE INDEX "QuestionBank_importedAt_idx" ON "QuestionBank"("importedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BankItem_bankId_position_key" ON "BankItem"("bankId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BankItem_bankId_itemId_key" ON "BankItem"("bankId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentSourceVersion_path_number_key" ON "ContentSourceVersion"("path", "number");

-- CreateIndex
CREATE UNIQUE INDEX "StudioDraft_path_key" ON "StudioDraft"("path");

-- AddForeignKey
ALTER TABLE "BankItem" ADD CONSTRAINT "BankItem_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "QuestionBank"("id") ON DELETE CASCADE ON UPDATE CASCADE;

