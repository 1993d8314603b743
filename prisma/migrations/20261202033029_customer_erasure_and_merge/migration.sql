-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "scrub_pending_since" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "customers_workspace_id_merged_into_id_idx" ON "customers"("workspace_id", "merged_into_id");

-- CreateIndex
CREATE INDEX "customers_workspace_id_scrub_pending_since_idx" ON "customers"("workspace_id", "scrub_pending_since");

-- CreateIndex
CREATE INDEX "checkout_sessions_workspace_id_livemode_customer_id_idx" ON "checkout_sessions"("workspace_id", "livemode", "customer_id");
