-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ModuleVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "objectives" TEXT NOT NULL,
    "sources" TEXT NOT NULL,
    "quizIds" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "htmlZh" TEXT NOT NULL DEFAULT '',
    "htmlEn" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ModuleVersion" ("code", "courseId", "createdAt", "hash", "id", "minutes", "number", "objectives", "quizIds", "slug", "sources", "titleEn", "titleZh") SELECT "code", "courseId", "createdAt", "hash", "id", "minutes", "number", "objectives", "quizIds", "slug", "sources", "titleEn", "titleZh" FROM "ModuleVersion";
DROP TABLE "ModuleVersion";
ALTER TABLE "new_ModuleVersion" RENAME TO "ModuleVersion";
CREATE INDEX "ModuleVersion_courseId_slug_hash_idx" ON "ModuleVersion"("courseId", "slug", "hash");
CREATE UNIQUE INDEX "ModuleVersion_courseId_slug_number_key" ON "ModuleVersion"("courseId", "slug", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
