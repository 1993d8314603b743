-- AlterTable
-- (ordering_key gets a temporary default so the column can be added to a table that already has rows.)
ALTER TABLE "webhook_deliveries" ADD COLUMN     "locked_until" TIMESTAMPTZ(3),
ADD COLUMN     "ordering_key" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGSERIAL NOT NULL;
ALTER TABLE "webhook_deliveries" ALTER COLUMN "ordering_key" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "webhook_deliveries_workspace_id_endpoint_id_ordering_key_se_idx" ON "webhook_deliveries"("workspace_id", "endpoint_id", "ordering_key", "seq");

-- Hand-written (Prisma cannot express a partial index): the worker's queue of deliveries still to
-- send. Only pending rows are in it, so scanning it whole stays cheap however many deliveries exist.
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries"("workspace_id", "next_attempt_at") WHERE "status" = 'pending';
