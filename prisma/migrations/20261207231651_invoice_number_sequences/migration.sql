-- CreateTable
CREATE TABLE "invoice_number_sequences" (
    "workspace_id" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "last_number" BIGINT NOT NULL,

    CONSTRAINT "invoice_number_sequences_pkey" PRIMARY KEY ("workspace_id","livemode")
);

-- AddForeignKey
ALTER TABLE "invoice_number_sequences" ADD CONSTRAINT "invoice_number_sequences_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Each workspace and mode goes on from the highest number issueInvoice gave there before, which it
-- used to find by reading all of their numbers (numbers of any other shape never counted).
INSERT INTO "invoice_number_sequences" ("workspace_id", "livemode", "last_number")
SELECT "workspace_id", "livemode", max(substring("number" FROM '^(?:INV|TEST)-([0-9]+)$')::bigint)
FROM "invoices"
WHERE "number" ~ '^(?:INV|TEST)-([0-9]+)$'
GROUP BY "workspace_id", "livemode";
