// Multi-process: two app processes on one database, behind a round-robin loopback proxy.
// (c) both started at once with `npm start`'s launcher (scripts/start.ts) on a fresh database:
//     both come up, and the schema is migrated exactly once;
// (a) idempotency: one key sent concurrently to both processes creates one customer; the replay,
//     from either process, is the first answer;
// (b) rate limits with RATE_LIMIT_STORE=postgres: one key's limit holds across both processes;
// (d) webhooks: both processes run the delivery worker; each event is delivered exactly once, in
//     order per customer, to a loopback receiver.
import { readdirSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { setDatabaseUrl } from "@/lib/env";
import { prisma } from "@/lib/db/prisma";
import { createTestWorkspace } from "@/test/support/api-client";
import { startWebhookReceiver } from "@/test/support/webhook-receiver";
import { startApp, type App } from "./support/app";
import { httpClient, sleep, type Result } from "./support/http";
import { startOwnPostgres } from "./support/postgres";
import { startRoundRobinProxy } from "./support/round-robin-proxy";
import { checkWebhookDelivery } from "./support/webhook-delivery-check";
import { quick, tally, Verdict } from "./support/verdict";

const PORTS = [3303, 3304];
const PROXY_PORT = 3310;
// Low enough that this machine's two processes can offer well over twice it: then one shared count
// and two separate ones (which would accept about twice as much) give clearly different totals.
const RATE = 5;
const BURST_SECONDS = 2;

const verdict = new Verdict("multi-process");
const postgres = await startOwnPostgres();
const database = await postgres.freshDatabase({ migrate: false });
let apps: App[] = [];
const receiver = await startWebhookReceiver();
try {
  console.log("(c) two `npm start` launchers at once on a fresh database");
  const started = Date.now();
  apps = await Promise.all(
    PORTS.map((port) =>
      startApp({
        port,
        databaseUrl: database.url,
        launcher: "npm-start",
        waitFor: "ready",
        env: {
          RATE_LIMIT_STORE: "postgres",
          RATE_LIMIT_TEST: String(RATE),
          RATE_LIMIT_BURST_SECONDS: String(BURST_SECONDS),
          RATE_LIMIT_LIVE: "0",
          WEBHOOK_POLL_MS: "200",
          LOG_LEVEL: "info",
        },
      }),
    ),
  );
  console.log(`  both ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await migratedOnce();
  setDatabaseUrl(database.url);
  const proxy = await startRoundRobinProxy(PROXY_PORT, PORTS);
  const workspace = await createTestWorkspace();
  // A cold process pays for loading its routes, Prisma's query compiler and its first connections
  // (up to ~5 s measured here): warm both, so what follows measures the behaviour, not a cold start.
  for (const port of PORTS) {
    const warm = httpClient(`http://127.0.0.1:${port}`, workspace.liveKey);
    await Promise.all(Array.from({ length: 4 }, () => warm.request("GET", "/api/v1/customers?limit=1")));
    await warm.request(
      "POST",
      "/api/v1/customers",
      { name: "warm-up" },
      { "Idempotency-Key": `warm-${port}` },
    );
    warm.close();
  }
  await idempotency(proxy.url, workspace.liveKey, workspace.workspaceId);
  await rateLimits(workspace.testKey);
  await checkWebhookDelivery({
    proxyUrl: proxy.url,
    liveKey: workspace.liveKey,
    workspaceId: workspace.workspaceId,
    databaseUrl: database.url,
    receiver,
    verdict,
  });
  console.log(
    `  connections the proxy handed to each process: ${[...proxy.counts].map(([p, n]) => `${p}: ${n}`).join(", ")}`,
  );
  verdict.check(
    "the proxy spread the connections over both processes",
    [...proxy.counts.values()].every((n) => n > 0),
  );
  await proxy.close();
} finally {
  const stopped = await Promise.all(apps.map((app) => app.stop()));
  if (apps.length)
    verdict.check(
      "both processes stop on SIGTERM within 15 s",
      stopped.every((ms) => ms < 15_000),
      stopped.map((ms) => `${ms} ms`).join(", "),
    );
  await receiver.close();
  await prisma.$disconnect();
  await database.drop().catch(() => {});
  await postgres.stop();
}
verdict.finish();

/** The app's log line for a failed answer (its request id), to say why. */
function logOf(result: Result): string {
  const requestId = result.headers["request-id"];
  if (result.status < 500 || typeof requestId !== "string") return "";
  const line = apps.flatMap((app) => app.output().split("\n")).find((l) => l.includes(requestId));
  return line ? `\n    log: ${line.slice(0, 1500)}` : "";
}

async function migratedOnce() {
  const expected = readdirSync("prisma/migrations", { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    const { rows } = await db.query<{ migration_name: string; n: number; unfinished: number }>(
      `SELECT migration_name, count(*)::int AS n, count(*) FILTER (WHERE finished_at IS NULL)::int AS unfinished
       FROM _prisma_migrations GROUP BY 1 ORDER BY 1`,
    );
    verdict.check(
      "(c) every migration recorded exactly once, finished",
      rows.length === expected.length &&
        rows.every((r) => r.n === 1 && r.unfinished === 0) &&
        expected.every((name) => rows.some((r) => r.migration_name === name)),
      `${rows.length} recorded of ${expected.length}; ${rows.filter((r) => r.n !== 1).length} recorded more than once`,
    );
  } finally {
    await db.end();
  }
  const applied = apps.map((app) => (app.output().match(/Applied migration/g) ?? []).length);
  verdict.check(
    "(c) one launcher applied the migrations, the other found nothing left to do",
    applied.includes(expected.length) && applied.includes(0),
    `migrations applied by each: ${applied.join(" and ")}`,
  );
  const ready = await Promise.all(apps.map(async (app) => (await fetch(`${app.url}/api/ready`)).status));
  verdict.check(
    "(c) both processes are up and ready",
    ready.every((s) => s === 200),
    ready.join(", "),
  );
  // The workers start in the background once the server is up (one process at a time sets up pg-boss).
  const deadline = Date.now() + 60_000;
  const jobsStarted = () => apps.map((app) => app.output().includes("background jobs started"));
  while (!jobsStarted().every(Boolean) && Date.now() < deadline) await sleep(250);
  for (const [i, app] of apps.entries()) {
    const warnings = app
      .output()
      .split("\n")
      .filter((line) => /jobs|job queue/.test(line) && !line.includes("background jobs started"));
    if (!jobsStarted()[i])
      console.log(
        `  process ${app.port}: ${warnings.map((line) => line.slice(0, 400)).join("\n    ") || "no job log lines"}`,
      );
  }
  verdict.check(
    "(c) both processes started their job and delivery workers",
    jobsStarted().every(Boolean),
    `${jobsStarted().join(", ")}; ${((Date.now() - deadline + 60_000) / 1000).toFixed(1)} s after both were ready`,
  );
}

async function idempotency(proxyUrl: string, key: string, workspaceId: string) {
  const KEYS = quick ? 5 : 15;
  const SENDERS = 8;
  console.log(
    `\n(a) idempotency: ${KEYS} keys, each sent ${SENDERS} times at once through the proxy (a connection each)`,
  );
  const client = httpClient(proxyUrl, key, { keepAlive: false });
  const direct = PORTS.map((port) => httpClient(`http://127.0.0.1:${port}`, key));
  const problems: string[] = [];
  const all: Result[] = [];
  let byteIdentical = 0;
  let replays = 0;
  for (let k = 0; k < KEYS; k++) {
    const idempotencyKey = `multi-${Date.now()}-${k}`;
    const body = { name: `Idem ${k}`, metadata: { tag: idempotencyKey } };
    const send = (c = client) =>
      c.request("POST", "/api/v1/customers", body, { "Idempotency-Key": idempotencyKey });
    const results = await Promise.all(Array.from({ length: SENDERS }, () => send()));
    all.push(...results);
    const originals = results.filter((r) => r.status === 201 && r.headers["idempotent-replayed"] !== "true");
    const others = results.filter((r) => !originals.includes(r));
    if (originals.length !== 1) problems.push(`${idempotencyKey}: ${originals.length} original 201s`);
    const original = originals[0];
    for (const r of others) {
      const inUse = r.status === 409 && r.body?.error?.code === "idempotency_key_in_use";
      const replay =
        r.status === 201 &&
        r.headers["idempotent-replayed"] === "true" &&
        isDeepStrictEqual(r.body, original?.body);
      if (!inUse && !replay)
        problems.push(`${idempotencyKey}: ${r.status} ${r.text.slice(0, 200)}${logOf(r)}`);
    }
    // After the race: a replay from each process is the first answer.
    for (const c of direct) {
      const r = await send(c);
      replays++;
      if (r.text === original?.text) byteIdentical++;
      if (!(
        r.status === 201 &&
        r.headers["idempotent-replayed"] === "true" &&
        isDeepStrictEqual(r.body, original?.body)
      ))
        problems.push(`${idempotencyKey} replay: ${r.status} ${r.text.slice(0, 200)}`);
    }
  }
  console.log(
    `  answers to the concurrent sends: ${tally(all, (r) => (r.headers["idempotent-replayed"] === "true" ? `${r.status} replayed` : `${r.status}${r.body?.error ? ` ${r.body.error.code}` : ""}`))}`,
  );
  verdict.check(
    "(a) one original 201 per key; the others replayed it or were told 409 idempotency_key_in_use; later replays from both processes equal it",
    problems.length === 0,
    problems.slice(0, 3).join("; "),
  );
  verdict.check(
    "(a) the replays are byte-for-byte the first answer",
    byteIdentical === replays,
    `${byteIdentical} of ${replays}`,
  );
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const { rows } = await db.query<{ tag: string; n: number; events: number }>(
    `SELECT c.metadata->>'tag' AS tag, count(*)::int AS n,
            (SELECT count(*)::int FROM events e WHERE e.workspace_id = $1 AND e.type = 'customer.created' AND e.object_id = min(c.id)) AS events
     FROM customers c WHERE c.workspace_id = $1 AND c.metadata->>'tag' LIKE 'multi-%' GROUP BY 1`,
    [workspaceId],
  );
  await db.end();
  verdict.check(
    "(a) exactly one customer (and one customer.created event) per key in the database",
    rows.length === KEYS && rows.every((r) => r.n === 1 && r.events === 1),
    `${rows.length} keys with customers, ${rows.filter((r) => r.n !== 1).length} with more than one`,
  );
  for (const c of [client, ...direct]) c.close();
}

async function rateLimits(testKey: string) {
  const seconds = quick ? 6 : 8;
  console.log(
    `\n(b) rate limit ${RATE}/s (burst ${BURST_SECONDS} s) on one test key, ${seconds} s of 4 clients on each process`,
  );
  const clients = PORTS.map((port) => httpClient(`http://127.0.0.1:${port}`, testKey));
  const results: (Result & { port: number })[] = [];
  const started = Date.now();
  await Promise.all(
    clients.flatMap((client, i) =>
      Array.from({ length: 4 }, async () => {
        while (Date.now() - started < seconds * 1000) {
          results.push({ ...(await client.request("GET", "/api/v1/customers?limit=1")), port: PORTS[i] });
        }
      }),
    ),
  );
  const elapsedSeconds = (Date.now() - started) / 1000;
  const accepted = results.filter((r) => r.status === 200);
  const refused = results.filter((r) => r.status === 429);
  // One limiter: R in each 1-second window the run touches, plus the burst bucket (R × (burst − 1)
  // points, refilled every 10 × (burst − 1) s) in each of its windows the run touches.
  const burstPoints = RATE * (BURST_SECONDS - 1);
  const bound =
    RATE * (Math.ceil(elapsedSeconds) + 1) +
    burstPoints * (Math.ceil(elapsedSeconds / (10 * (BURST_SECONDS - 1))) + 1);
  console.log(
    `  ${results.length} requests in ${elapsedSeconds.toFixed(1)} s: ${tally(results, (r) => `${r.port} ${r.status}`)}`,
  );
  console.log(
    `  accepted ${accepted.length} (${(accepted.length / elapsedSeconds).toFixed(1)}/s); one shared limiter allows at most ${bound}, two separate ones about twice that`,
  );
  verdict.check(
    `(b) the clients offered more than twice the limit (${2 * RATE}/s), so a per-process count would show`,
    results.length / elapsedSeconds > 2 * RATE,
    `${(results.length / elapsedSeconds).toFixed(1)} req/s offered`,
  );
  verdict.check(
    "(b) only 200 or 429 answers",
    accepted.length + refused.length === results.length,
    tally(results, (r) => r.status),
  );
  verdict.check(
    `(b) total accepted across both processes within one key's limit (≤ ${bound})`,
    accepted.length <= bound,
    `${accepted.length}`,
  );
  verdict.check(
    `(b) the sustained rate is granted (≥ ${RATE * Math.floor(elapsedSeconds - 1)})`,
    accepted.length >= RATE * Math.floor(elapsedSeconds - 1),
    `${accepted.length}`,
  );
  const badRefusals = refused.filter(
    (r) =>
      r.body?.error?.code !== "rate_limited" ||
      !(Number(r.headers["retry-after"]) >= 1) ||
      r.headers["ratelimit-limit"] !== String(RATE),
  );
  verdict.check(
    "(b) every 429 is rate_limited with Retry-After ≥ 1 and RateLimit-* headers",
    refused.length > 0 && badRefusals.length === 0,
    `${refused.length} refusals, ${badRefusals.length} malformed`,
  );
  verdict.check(
    "(b) both processes refuse beyond the shared limit",
    PORTS.every((port) => refused.some((r) => r.port === port)),
  );
  for (const c of clients) c.close();
}
