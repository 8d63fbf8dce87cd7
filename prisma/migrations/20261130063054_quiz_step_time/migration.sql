-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AttemptStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attemptId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "AttemptStep_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AttemptStep" ("attemptId", "createdAt", "id", "itemId", "kind", "payload") SELECT "attemptId", "createdAt", "id", "itemId", "kind", "payload" FROM "AttemptStep";
DROP TABLE "AttemptStep";
ALTER TABLE "new_AttemptStep" RENAME TO "AttemptStep";
CREATE INDEX "AttemptStep_attemptId_id_idx" ON "AttemptStep"("attemptId", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
