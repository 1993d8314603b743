// Multi-process (d): with both app processes running the delivery worker, each event is delivered
// exactly once, correctly signed, and in order per customer, to a loopback receiver.
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import type { WebhookReceiver } from "@/test/support/webhook-receiver";
import { httpClient, sleep } from "./http";
import { quick, type Verdict } from "./verdict";

export async function checkWebhookDelivery(options: {
  proxyUrl: string;
  liveKey: string;
  workspaceId: string;
  databaseUrl: string;
  receiver: WebhookReceiver;
  verdict: Verdict;
}) {
  const { proxyUrl, liveKey, workspaceId, databaseUrl, receiver, verdict } = options;
  const CUSTOMERS = quick ? 10 : 30;
  const UPDATES = 3;
  console.log(
    `\n(d) webhooks: ${CUSTOMERS} customers × (create + ${UPDATES} updates) through the proxy, both processes delivering`,
  );
  const client = httpClient(proxyUrl, liveKey, { keepAlive: false });
  const endpoint = await client.request("POST", "/api/v1/webhook_endpoints", {
    url: `${receiver.url}/hook`,
    events: ["*"],
  });
  if (endpoint.status !== 201) throw new Error(`webhook endpoint: ${endpoint.status} ${endpoint.text}`);
  receiver.route("/hook", endpoint.body.secret, () => ({ status: 200, delayMs: 20 }));
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: 5 }, async (_, w) => {
      for (let i = w; i < CUSTOMERS; i += 5) {
        const created = await client.request("POST", "/api/v1/customers", { name: `Hook ${i}` });
        if (created.status !== 201) failures.push(`create ${created.status}`);
        for (let u = 1; u <= UPDATES; u++) {
          const updated = await client.request("PATCH", `/api/v1/customers/${created.body.id}`, {
            name: `Hook ${i} v${u}`,
          });
          if (updated.status !== 200) failures.push(`update ${updated.status}`);
        }
      }
    }),
  );
  verdict.check("(d) every write answered", failures.length === 0, failures.slice(0, 3).join(", "));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const expected = CUSTOMERS * (1 + UPDATES);
    const started = Date.now();
    const pending = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM webhook_deliveries WHERE workspace_id = $1 AND status <> 'succeeded'`,
          [workspaceId],
        )
      ).rows[0].n;
    while ((receiver.received.length < expected || (await pending()) > 0) && Date.now() - started < 60_000)
      await sleep(200);
    await sleep(3000); // time for a duplicate to show up
    console.log(
      `  ${receiver.received.length} deliveries received in ${((Date.now() - started) / 1000 - 3).toFixed(1)} s after the last write`,
    );
    const { rows: deliveries } = await db.query<{ event_id: string; ordering_key: string; status: string }>(
      `SELECT event_id, ordering_key, status FROM webhook_deliveries WHERE workspace_id = $1 AND endpoint_id = $2 ORDER BY seq`,
      [workspaceId, endpoint.body.id],
    );
    const receipts = new Map<string, number>();
    for (const r of receiver.received) receipts.set(r.event?.id, (receipts.get(r.event?.id) ?? 0) + 1);
    const notOnce = deliveries.filter((d) => receipts.get(d.event_id) !== 1);
    const unknown = [...receipts.keys()].filter((id) => !deliveries.some((d) => d.event_id === id));
    verdict.check(
      "(d) each event delivered exactly once",
      deliveries.length === expected && notOnce.length === 0 && unknown.length === 0,
      `${deliveries.length} events for the endpoint (expected ${expected}), ${notOnce.length} not received exactly once, ${unknown.length} unknown; receipts ${receiver.received.length}`,
    );
    verdict.check(
      "(d) every delivery signed correctly and recorded as succeeded",
      receiver.received.every((r) => r.signatureValid) && deliveries.every((d) => d.status === "succeeded"),
    );
    const outOfOrder: string[] = [];
    const byCustomer = new Map<string, string[]>();
    for (const d of deliveries)
      byCustomer.set(d.ordering_key, [...(byCustomer.get(d.ordering_key) ?? []), d.event_id]);
    for (const [customer, eventIds] of byCustomer) {
      const receivedOrder = receiver.received
        .filter((r) => r.event?.data?.object?.id === customer)
        .map((r) => r.event.id);
      if (!isDeepStrictEqual(receivedOrder, eventIds)) outOfOrder.push(customer);
    }
    verdict.check(
      "(d) in order per customer (created, then each update as written)",
      outOfOrder.length === 0,
      `${byCustomer.size} customers, ${outOfOrder.length} out of order`,
    );
  } finally {
    await db.end();
    client.close();
  }
}
