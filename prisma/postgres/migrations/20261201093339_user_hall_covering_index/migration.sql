-- DropIndex
DROP INDEX "User_hallId_idx";

-- CreateIndex
CREATE INDEX "User_hallId_active_username_id_name_hireDate_idx" ON "User"("hallId", "active", "username", "id", "name", "hireDate");

