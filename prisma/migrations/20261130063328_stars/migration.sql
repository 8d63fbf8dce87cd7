-- CreateTable
CREATE TABLE "StarLadderVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EvidenceImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "importedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "serviceNorms" REAL NOT NULL,
    "grooming" REAL NOT NULL,
    "proactiveService" REAL NOT NULL,
    "informationDisplay" REAL NOT NULL,
    "waitingTime" REAL NOT NULL,
    "environment" REAL NOT NULL,
    "total" REAL NOT NULL,
    "importId" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SatisfactionMonth" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "ratings" INTEGER NOT NULL,
    "average" REAL NOT NULL,
    "importId" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "liable" BOOLEAN NOT NULL,
    "summary" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "importId" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StarApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "openKey" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "refusal" TEXT,
    "panelMembers" TEXT,
    CONSTRAINT "StarApplication_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StarCertificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "courseVersions" TEXT NOT NULL,
    "applicationId" TEXT,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    "revocationReason" TEXT,
    "supersededAt" DATETIME,
    "supersededById" TEXT,
    CONSTRAINT "StarCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StarCertificate_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "StarLadderVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StarCertificate_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "StarApplication" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StarCertificateEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "certificateId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "byId" TEXT,
    "note" TEXT,
    CONSTRAINT "StarCertificateEvent_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "StarCertificate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StarOfMonth" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hallId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "pickedById" TEXT NOT NULL,
    "pickedAt" DATETIME NOT NULL,
    "score" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "VerifyLookup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "address" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CourseVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryZh" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "quizIds" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "recertify" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CourseVersion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_CourseVersion" ("audience", "courseId", "createdAt", "hash", "id", "minutes", "number", "quizIds", "summaryEn", "summaryZh", "titleEn", "titleZh") SELECT "audience", "courseId", "createdAt", "hash", "id", "minutes", "number", "quizIds", "summaryEn", "summaryZh", "titleEn", "titleZh" FROM "CourseVersion";
DROP TABLE "CourseVersion";
ALTER TABLE "new_CourseVersion" RENAME TO "CourseVersion";
CREATE UNIQUE INDEX "CourseVersion_courseId_number_key" ON "CourseVersion"("courseId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StarLadderVersion_number_key" ON "StarLadderVersion"("number");

-- CreateIndex
CREATE INDEX "EvidenceImport_createdAt_idx" ON "EvidenceImport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_userId_day_key" ON "Inspection"("userId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionMonth_userId_month_key" ON "SatisfactionMonth"("userId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_key_key" ON "Complaint"("key");

-- CreateIndex
CREATE INDEX "Complaint_userId_day_idx" ON "Complaint"("userId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "StarApplication_openKey_key" ON "StarApplication"("openKey");

-- CreateIndex
CREATE INDEX "StarApplication_status_level_idx" ON "StarApplication"("status", "level");

-- CreateIndex
CREATE INDEX "StarApplication_userId_idx" ON "StarApplication"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StarCertificate_code_key" ON "StarCertificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "StarCertificate_applicationId_key" ON "StarCertificate"("applicationId");

-- CreateIndex
CREATE INDEX "StarCertificate_userId_idx" ON "StarCertificate"("userId");

-- CreateIndex
CREATE INDEX "StarCertificate_hallId_idx" ON "StarCertificate"("hallId");

-- CreateIndex
CREATE INDEX "StarCertificateEvent_certificateId_id_idx" ON "StarCertificateEvent"("certificateId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "StarOfMonth_hallId_month_key" ON "StarOfMonth"("hallId", "month");

-- CreateIndex
CREATE INDEX "VerifyLookup_address_createdAt_idx" ON "VerifyLookup"("address", "createdAt");
