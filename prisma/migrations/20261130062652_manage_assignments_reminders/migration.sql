-- CreateTable
CREATE TABLE "AssignmentChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromDueDay" TEXT,
    "toDueDay" TEXT,
    "byId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "AssignmentChange_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AssignmentChange_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "remindedById" TEXT NOT NULL,
    "dueDay" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "requestKey" TEXT NOT NULL,
    CONSTRAINT "Reminder_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reminder_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reminder_remindedById_fkey" FOREIGN KEY ("remindedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "role" TEXT,
    "newHiresOnly" BOOLEAN NOT NULL DEFAULT false,
    "dueDay" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestKey" TEXT NOT NULL,
    "personId" TEXT,
    "cancelledAt" DATETIME,
    CONSTRAINT "Assignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("courseId", "createdAt", "createdById", "dueDay", "id", "newHiresOnly", "requestKey", "role", "unitId") SELECT "courseId", "createdAt", "createdById", "dueDay", "id", "newHiresOnly", "requestKey", "role", "unitId" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE UNIQUE INDEX "Assignment_requestKey_key" ON "Assignment"("requestKey");
CREATE INDEX "Assignment_unitId_idx" ON "Assignment"("unitId");
CREATE INDEX "Assignment_courseId_idx" ON "Assignment"("courseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AssignmentChange_assignmentId_idx" ON "AssignmentChange"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_requestKey_key" ON "Reminder"("requestKey");

-- CreateIndex
CREATE INDEX "Reminder_learnerId_createdAt_idx" ON "Reminder"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "Reminder_assignmentId_idx" ON "Reminder"("assignmentId");
