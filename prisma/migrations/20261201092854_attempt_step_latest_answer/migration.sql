-- CreateIndex
CREATE INDEX "AttemptStep_attemptId_kind_itemId_id_idx" ON "AttemptStep"("attemptId", "kind", "itemId", "id");
