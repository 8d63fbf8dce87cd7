-- Written by hand (decision 0050): AttemptStep's id is a plain INTEGER PRIMARY KEY, without AUTOINCREMENT. With it,
-- every step inserted also rewrote the table's row in sqlite_sequence: a page more written by every answer saved
-- and every close (3 → 2 pages a save). Without it a new id is still the largest + 1, so an attempt's steps stay in
-- the order they were logged; an id can only come back after the newest step of the whole table is deleted (a user's
-- attempts deleted with them), which no reader notices. Prisma's schema keeps `@default(autoincrement())`: its
-- migrations are diffed from schema files, and the query layer's tests read this table's SQL back (a redefinition
-- that brought AUTOINCREMENT back fails them). SQLite only: the PostgreSQL twin has a sequence and changes nothing.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AttemptStep" (
    "id" INTEGER NOT NULL PRIMARY KEY,
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
CREATE INDEX "AttemptStep_attemptId_kind_itemId_id_idx" ON "AttemptStep"("attemptId", "kind", "itemId", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
