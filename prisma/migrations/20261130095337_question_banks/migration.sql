-- CreateTable
CREATE TABLE "QuestionBank" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "importedById" TEXT,
    "importedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BankItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    CONSTRAINT "BankItem_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "QuestionBank" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionBank_sourceHash_key" ON "QuestionBank"("sourceHash");

-- CreateIndex
CREATE INDEX "QuestionBank_importedAt_idx" ON "QuestionBank"("importedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BankItem_bankId_position_key" ON "BankItem"("bankId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BankItem_bankId_itemId_key" ON "BankItem"("bankId", "itemId");
