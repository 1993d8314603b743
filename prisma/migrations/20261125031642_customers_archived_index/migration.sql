-- CreateIndex
CREATE INDEX "customers_workspace_id_livemode_archived_at_idx" ON "customers"("workspace_id", "livemode", "archived_at");
