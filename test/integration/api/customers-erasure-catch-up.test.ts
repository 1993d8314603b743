// A redaction that no job process heard: committed while the only app process ran with
// JOBS_WORKER=off. The next process to start listening queues it at once — not a minute or two
// later at the sweep, which leaves redactions younger than a minute to their notification.
import { afterAll, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { startApiServer, type ApiServer } from "@/test/support/api-server";
import { startApiTestbed } from "@/test/support/api-testbed";
import { waitUntilScrubbed } from "@/test/support/erasure";

const t = startApiTestbed({ JOBS_WORKER: "off" });

let jobs: ApiServer | undefined;
afterAll(() => jobs?.stop());

it("is scrubbed as soon as a job process starts listening", async () => {
  const created = await t.api.post("/api/v1/customers", { email: "unheard@example.com" });
  expect(created.status).toBe(201);
  const { id } = created.body;
  expect((await t.api.post(`/api/v1/customers/${id}/redact`)).status).toBe(202);
  const event = await prisma.event.findFirstOrThrow({
    where: { workspaceId: t.workspace.workspaceId, objectId: id, type: "customer.created" },
  });
  expect(JSON.stringify(event.data)).toContain("unheard@example.com");

  const redactedAt = Date.now();
  jobs = await startApiServer();
  await waitUntilScrubbed(t.workspace.workspaceId, id, 40_000);
  expect(Date.now() - redactedAt).toBeLessThan(60_000);
  const scrubbed = await prisma.event.findUniqueOrThrow({
    where: { workspaceId_id: { workspaceId: t.workspace.workspaceId, id: event.id } },
  });
  expect(JSON.stringify(scrubbed.data)).not.toContain("unheard@example.com");
});
