-- CreateIndex
CREATE UNIQUE INDEX "checkout_sessions_id_key" ON "checkout_sessions"("id");
