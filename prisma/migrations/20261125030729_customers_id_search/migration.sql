-- CreateIndex
CREATE INDEX "customers_id_trgm_idx" ON "customers" USING GIN ("workspace_id" text_ops, "id" gin_trgm_ops);
