-- AlterTable
ALTER TABLE "ModuleVersion" ADD COLUMN     "htmlEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "htmlZh" TEXT NOT NULL DEFAULT '';

