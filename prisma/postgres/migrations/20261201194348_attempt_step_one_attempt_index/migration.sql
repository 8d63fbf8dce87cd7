-- DropIndex
DROP INDEX "AttemptStep_attemptId_id_idx";

