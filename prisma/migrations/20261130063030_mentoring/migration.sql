-- CreateTable
CREATE TABLE "ChecklistTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "currentVersionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChecklistTemplate_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "ChecklistVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChecklistVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChecklistVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChecklistTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chainId" TEXT NOT NULL,
    "previousId" TEXT,
    "menteeId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "checklistVersionId" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "plannedEndDay" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activeKey" TEXT,
    "sameBranchReason" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "completedAt" DATETIME,
    "requestKey" TEXT NOT NULL,
    CONSTRAINT "Pairing_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Pairing_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Pairing_checklistVersionId_fkey" FOREIGN KEY ("checklistVersionId") REFERENCES "ChecklistVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pairingId" TEXT NOT NULL,
    "chainId" TEXT NOT NULL,
    "itemId" TEXT,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "signOffKey" TEXT,
    "fromDay" TEXT,
    "toDay" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PairingEvent_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chainId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "dueDay" TEXT NOT NULL,
    "pairingId" TEXT,
    "mentorId" TEXT,
    "mentorNote" TEXT,
    "doneAt" DATETIME,
    "reflection" TEXT,
    "reflectedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTemplate_currentVersionId_key" ON "ChecklistTemplate"("currentVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistVersion_templateId_number_key" ON "ChecklistVersion"("templateId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Pairing_previousId_key" ON "Pairing"("previousId");

-- CreateIndex
CREATE UNIQUE INDEX "Pairing_activeKey_key" ON "Pairing"("activeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Pairing_requestKey_key" ON "Pairing"("requestKey");

-- CreateIndex
CREATE INDEX "Pairing_mentorId_status_idx" ON "Pairing"("mentorId", "status");

-- CreateIndex
CREATE INDEX "Pairing_chainId_idx" ON "Pairing"("chainId");

-- CreateIndex
CREATE INDEX "Pairing_menteeId_idx" ON "Pairing"("menteeId");

-- CreateIndex
CREATE UNIQUE INDEX "PairingEvent_signOffKey_key" ON "PairingEvent"("signOffKey");

-- CreateIndex
CREATE INDEX "PairingEvent_chainId_id_idx" ON "PairingEvent"("chainId", "id");

-- CreateIndex
CREATE INDEX "PairingEvent_kind_createdAt_idx" ON "PairingEvent"("kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_chainId_number_key" ON "CheckIn"("chainId", "number");
