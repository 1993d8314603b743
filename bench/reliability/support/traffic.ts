// Mixed API traffic from closed-loop clients (80% reads, 15% creates, 5% updates), with a ledger of
// every write the clients saw acknowledged, and the check of that ledger against the database:
// every 201 is exactly one row, every acknowledged update is the stored value or was superseded by
// a later acknowledged one, and every change has its event (written in the same transaction).
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Client, Result } from "./http";
import type { Verdict } from "./verdict";

export type Op = "retrieve" | "list" | "create" | "update";
/** What is kept of each answer (not its body: a 5-minute run makes hundreds of thousands). */
export type Sample = {
  op: Op;
  status: number;
  ms: number;
  startedAt: number;
  code?: string;
  retryAfter?: string;
  error?: string;
  requestId?: string;
};

export function sample(op: Op, result: Result): Sample {
  const retryAfter = result.headers["retry-after"];
  return {
    op,
    status: result.status,
    ms: result.ms,
    startedAt: result.startedAt,
    code: result.body?.error?.code,
    retryAfter: typeof retryAfter === "string" ? retryAfter : undefined,
    error: result.error,
    requestId: typeof result.headers["request-id"] === "string" ? result.headers["request-id"] : undefined,
  };
}

type AckedUpdate = { value: string; sentAt: number; ackAt: number };

export class Ledger {
  /** tag → id, for every create answered 201. */
  readonly created = new Map<string, string>();
  /** Tags of creates that got no 201 (an error, a 503, no answer): they may or may not exist. */
  readonly unacknowledgedCreates = new Set<string>();
  /** customer id → its acknowledged updates. */
  readonly updates = new Map<string, AckedUpdate[]>();
  /** Values of updates that got no 200: they may or may not have been applied. */
  readonly unacknowledgedUpdates = new Set<string>();
  /** Ids the readers pick from. */
  readonly ids: string[] = [];
}

const run = randomBytes(3).toString("hex");
let sequence = 0;
const next = () => `${run}-${++sequence}`;

/** One request of the mix, recorded in the ledger. */
export async function mixedRequest(client: Client, ledger: Ledger, random = Math.random()): Promise<Sample> {
  const id = ledger.ids[Math.floor(Math.random() * ledger.ids.length)];
  if (!id) return sample("create", await create(client, ledger));
  if (random < 0.4) return sample("retrieve", await client.request("GET", `/api/v1/customers/${id}`));
  if (random < 0.8) return sample("list", await client.request("GET", "/api/v1/customers?limit=10"));
  if (random < 0.95) return sample("create", await create(client, ledger));
  return sample("update", await update(client, ledger, id));
}

export async function create(client: Client, ledger: Ledger, headers?: Record<string, string>) {
  const tag = next();
  const result = await client.request(
    "POST",
    "/api/v1/customers",
    { name: `c-${tag}`, email: `${tag}@example.com`, metadata: { tag } },
    headers,
  );
  if (result.status === 201 && result.body?.metadata?.tag === tag) {
    ledger.created.set(tag, result.body.id);
    ledger.ids.push(result.body.id);
  } else ledger.unacknowledgedCreates.add(tag);
  return result;
}

async function update(client: Client, ledger: Ledger, id: string) {
  const value = `u-${next()}`;
  const sentAt = Date.now();
  const result = await client.request("PATCH", `/api/v1/customers/${id}`, { name: value });
  if (result.status === 200 && result.body?.name === value) {
    const list = ledger.updates.get(id) ?? [];
    list.push({ value, sentAt, ackAt: Date.now() });
    ledger.updates.set(id, list);
  } else ledger.unacknowledgedUpdates.add(value);
  return result;
}

/** Closed-loop clients: each sends its next request when the previous one is answered. */
export async function runClients(
  concurrency: number,
  durationMs: number,
  request: () => Promise<Sample>,
  onSample: (sample: Sample) => void = () => {},
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const sample = await request();
        samples.push(sample);
        onSample(sample);
      }
    }),
  );
  return samples;
}

/** Seeds `count` customers (through the API, so they carry tags and events like the rest). */
export async function seed(client: Client, ledger: Ledger, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const result = await create(client, ledger);
    if (result.status !== 201) throw new Error(`seeding failed: ${result.status} ${result.text}`);
  }
}

/**
 * The ledger against the database. `mayExist` names the tags of creates whose outcome the client
 * could not know (no answer, 503): present once or absent are both correct for those.
 */
export async function verifyLedger(
  databaseUrl: string,
  workspaceId: string,
  ledger: Ledger,
  verdict: Verdict,
) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows: customers } = await db.query<{ id: string; name: string | null; tag: string | null }>(
      `SELECT id, name, metadata->>'tag' AS tag FROM customers WHERE workspace_id = $1`,
      [workspaceId],
    );
    const byTag = new Map<string, { id: string; name: string | null }[]>();
    for (const row of customers) {
      if (!row.tag) continue;
      byTag.set(row.tag, [...(byTag.get(row.tag) ?? []), row]);
    }
    const missing = [...ledger.created].filter(
      ([tag, id]) => byTag.get(tag)?.length !== 1 || byTag.get(tag)![0].id !== id,
    );
    const duplicated = [...byTag].filter(([, rows]) => rows.length > 1);
    const unexplained = [...byTag.keys()].filter(
      (tag) => !ledger.created.has(tag) && !ledger.unacknowledgedCreates.has(tag),
    );
    const ghost = [...byTag.keys()].filter((tag) => ledger.unacknowledgedCreates.has(tag));
    verdict.check(
      "every 201 the clients saw is exactly one row",
      missing.length === 0,
      `${ledger.created.size} acknowledged creates, ${missing.length} missing or different${missing.length ? ` (e.g. ${missing[0][0]})` : ""}`,
    );
    verdict.check(
      "no duplicated writes",
      duplicated.length === 0 && unexplained.length === 0,
      `${duplicated.length} tags with more than one row, ${unexplained.length} rows nobody sent`,
    );
    if (ledger.unacknowledgedCreates.size) {
      console.log(
        `  info ${ledger.unacknowledgedCreates.size} creates got no 201 (error or 503); ${ghost.length} of them were committed anyway (the answer was lost, not the write)`,
      );
    }

    // Updates: the stored name must be an acknowledged value not followed (in real time) by another
    // acknowledged update of the same customer, or an unacknowledged one (its outcome unknown).
    const nameById = new Map(customers.map((row) => [row.id, row.name]));
    const wrong: string[] = [];
    let acknowledgedUpdates = 0;
    for (const [id, updates] of ledger.updates) {
      acknowledgedUpdates += updates.length;
      const stored = nameById.get(id) ?? null;
      // Candidates: the acknowledged updates no other acknowledged update started after.
      const candidates = updates.filter((u) => !updates.some((v) => v.sentAt > u.ackAt));
      const ok =
        candidates.some((u) => u.value === stored) ||
        (stored !== null && ledger.unacknowledgedUpdates.has(stored));
      if (!ok) wrong.push(`${id}: stored ${stored}, acknowledged ${updates.map((u) => u.value).join(", ")}`);
    }
    verdict.check(
      "every acknowledged update is stored or superseded by a later acknowledged one",
      wrong.length === 0,
      `${acknowledgedUpdates} acknowledged updates on ${ledger.updates.size} customers, ${wrong.length} wrong${wrong.length ? ` (e.g. ${wrong[0]})` : ""}`,
    );

    // Events: written in the same transaction as the change, so none may be missing or extra.
    const { rows: created } = await db.query<{ object_id: string; n: number }>(
      `SELECT object_id, count(*)::int AS n FROM events WHERE workspace_id = $1 AND type = 'customer.created' GROUP BY object_id`,
      [workspaceId],
    );
    const createdEvents = new Map(created.map((row) => [row.object_id, row.n]));
    const withoutEvent = customers.filter((row) => createdEvents.get(row.id) !== 1);
    const eventWithoutCustomer = created.filter((row) => !nameById.has(row.object_id));
    verdict.check(
      "every customer has exactly one customer.created event, and no event lacks its customer",
      withoutEvent.length === 0 && eventWithoutCustomer.length === 0,
      `${customers.length} customers, ${withoutEvent.length} without exactly one event, ${eventWithoutCustomer.length} orphan events`,
    );
    const { rows: updated } = await db.query<{ name: string; n: number }>(
      `SELECT data->'object'->>'name' AS name, count(*)::int AS n FROM events
       WHERE workspace_id = $1 AND type = 'customer.updated' GROUP BY 1`,
      [workspaceId],
    );
    const updateEvents = new Map(updated.map((row) => [row.name, row.n]));
    const ackedValues = [...ledger.updates.values()].flat().map((u) => u.value);
    const noEvent = ackedValues.filter((value) => updateEvents.get(value) !== 1);
    const strayEvents = updated.filter(
      (row) => !ackedValues.includes(row.name) && !ledger.unacknowledgedUpdates.has(row.name),
    );
    verdict.check(
      "every acknowledged update has exactly one customer.updated event, and no event lacks its update",
      noEvent.length === 0 && strayEvents.length === 0,
      `${updated.reduce((sum, row) => sum + row.n, 0)} customer.updated events, ${noEvent.length} acknowledged updates without exactly one, ${strayEvents.length} stray`,
    );
  } finally {
    await db.end();
  }
}

/** True for the contract's 503: code service_unavailable with a Retry-After of at least 1 s. */
export function isContract503(result: Sample): boolean {
  return result.status === 503 && result.code === "service_unavailable" && Number(result.retryAfter) >= 1;
}
