-- AlterTable
ALTER TABLE "OrgUnit" ADD COLUMN     "closedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN     "recertify" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "personId" TEXT;

-- AlterTable
ALTER TABLE "AttemptStep" ALTER COLUMN "createdAt" DROP DEFAULT;

-- CreateTable
CREATE TABLE "ContentAsset" (
    "hash" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentAsset_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HallMembership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "HallMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT NOT NULL,
    "subjectId" TEXT,
    "action" TEXT NOT NULL,
    "unitPath" TEXT,
    "otherUnitPath" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StarLadderVersion" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StarLadderVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceImport" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "importedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "serviceNorms" DOUBLE PRECISION NOT NULL,
    "grooming" DOUBLE PRECISION NOT NULL,
    "proactiveService" DOUBLE PRECISION NOT NULL,
    "informationDisplay" DOUBLE PRECISION NOT NULL,
    "waitingTime" DOUBLE PRECISION NOT NULL,
    "environment" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "importId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SatisfactionMonth" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "ratings" INTEGER NOT NULL,
    "average" DOUBLE PRECISION NOT NULL,
    "importId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SatisfactionMonth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "liable" BOOLEAN NOT NULL,
    "summary" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "importId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StarApplication" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "openKey" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "refusal" TEXT,
    "panelMembers" TEXT,

    CONSTRAINT "StarApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StarCertificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ladderVersionId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "courseVersions" TEXT NOT NULL,
    "applicationId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revocationReason" TEXT,
    "supersededAt" TIMESTAMP(3),
    "supersededById" TEXT,

    CONSTRAINT "StarCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StarCertificateEvent" (
    "id" SERIAL NOT NULL,
    "certificateId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "byId" TEXT,
    "note" TEXT,

    CONSTRAINT "StarCertificateEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StarOfMonth" (
    "id" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "pickedById" TEXT NOT NULL,
    "pickedAt" TIMESTAMP(3) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "StarOfMonth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerifyLookup" (
    "id" SERIAL NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerifyLookup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistTemplate" (
    "id" TEXT NOT NULL,
    "currentVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistVersion" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "completedAt" TIMESTAMP(3),
    "requestKey" TEXT NOT NULL,

    CONSTRAINT "Pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingEvent" (
    "id" SERIAL NOT NULL,
    "pairingId" TEXT NOT NULL,
    "chainId" TEXT NOT NULL,
    "itemId" TEXT,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "signOffKey" TEXT,
    "fromDay" TEXT,
    "toDay" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "chainId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "dueDay" TEXT NOT NULL,
    "pairingId" TEXT,
    "mentorId" TEXT,
    "mentorNote" TEXT,
    "doneAt" TIMESTAMP(3),
    "reflection" TEXT,
    "reflectedAt" TIMESTAMP(3),

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssignmentChange" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromDueDay" TEXT,
    "toDueDay" TEXT,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssignmentChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "remindedById" TEXT NOT NULL,
    "dueDay" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "requestKey" TEXT NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "HallMembership_userId_startedAt_idx" ON "HallMembership"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectId_at_idx" ON "AuditEntry"("subjectId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_unitPath_idx" ON "AuditEntry"("unitPath");

-- CreateIndex
CREATE INDEX "AuditEntry_otherUnitPath_idx" ON "AuditEntry"("otherUnitPath");

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

-- CreateIndex
CREATE INDEX "AssignmentChange_assignmentId_idx" ON "AssignmentChange"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_requestKey_key" ON "Reminder"("requestKey");

-- CreateIndex
CREATE INDEX "Reminder_learnerId_createdAt_idx" ON "Reminder"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "Reminder_assignmentId_idx" ON "Reminder"("assignmentId");

-- CreateIndex
CREATE INDEX "Attempt_userId_passed_quizId_submittedAt_idx" ON "Attempt"("userId", "passed", "quizId", "submittedAt");

-- CreateIndex
CREATE INDEX "Attempt_userId_submittedAt_idx" ON "Attempt"("userId", "submittedAt");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HallMembership" ADD CONSTRAINT "HallMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HallMembership" ADD CONSTRAINT "HallMembership_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarApplication" ADD CONSTRAINT "StarApplication_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarCertificate" ADD CONSTRAINT "StarCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarCertificate" ADD CONSTRAINT "StarCertificate_ladderVersionId_fkey" FOREIGN KEY ("ladderVersionId") REFERENCES "StarLadderVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarCertificate" ADD CONSTRAINT "StarCertificate_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "StarApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StarCertificateEvent" ADD CONSTRAINT "StarCertificateEvent_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "StarCertificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTemplate" ADD CONSTRAINT "ChecklistTemplate_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "ChecklistVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistVersion" ADD CONSTRAINT "ChecklistVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChecklistTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_checklistVersionId_fkey" FOREIGN KEY ("checklistVersionId") REFERENCES "ChecklistVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingEvent" ADD CONSTRAINT "PairingEvent_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentChange" ADD CONSTRAINT "AssignmentChange_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentChange" ADD CONSTRAINT "AssignmentChange_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_remindedById_fkey" FOREIGN KEY ("remindedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

