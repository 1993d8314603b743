// Faults, against the production build on a PostgreSQL of the script's own:
// (a) PostgreSQL stopped for 20 s (the server process, really) under mixed traffic, then started
//     again on the same port: meanwhile only 503 service_unavailable with Retry-After, each within
//     5 s; afterwards full recovery without restarting the app; no partial or lost writes.
// (b) the app SIGKILLed mid-request, several times, while clients create customers each with its
//     own Idempotency-Key and retry with the same key until they get a definitive answer; the app
//     is started again on the same port: exactly one customer per key, and replays answer the same.
import { setDatabaseUrl } from "@/lib/env";
import { prisma } from "@/lib/db/prisma";
import { createTestWorkspace } from "@/test/support/api-client";
import { startApp, type App } from "./support/app";
import { httpClient, sleep, type Result } from "./support/http";
import { startOwnPostgres } from "./support/postgres";
import { isContract503, Ledger, mixedRequest, runClients, seed, verifyLedger } from "./support/traffic";
import { elapsed, latencySummary, quick, tally, Verdict } from "./support/verdict";

const PORT = 3302;
const OUTAGE_MS = 20_000;
const BEFORE_MS = quick ? 5000 : 10_000;
const AFTER_MS = quick ? 12_000 : 25_000;
const SETTLE_MS = 5000; // after PostgreSQL is back, every answer must be a success from here on
const KILLS = quick ? 2 : 4;
const EXPECTED: Record<string, number> = { retrieve: 200, list: 200, create: 201, update: 200 };

const verdict = new Verdict("faults");
const postgres = await startOwnPostgres();
const database = await postgres.freshDatabase();
setDatabaseUrl(database.url);
let app: App = await startApp({ port: PORT, databaseUrl: database.url });
try {
  await databaseOutage();
  await appKilled();
} finally {
  await app.stop();
  await prisma.$disconnect();
  await database.drop().catch(() => {});
  await postgres.stop();
}
verdict.finish();

async function databaseOutage() {
  console.log(`(a) PostgreSQL stopped for ${OUTAGE_MS / 1000} s under mixed traffic (8 clients)`);
  const { workspaceId, testKey } = await createTestWorkspace();
  const client = httpClient(app.url, testKey, { timeoutMs: 15_000 });
  const ledger = new Ledger();
  await seed(client, ledger, 50);
  const pid = app.pid;
  const t0 = Date.now();
  const marks: Record<string, number> = {};
  const readiness: { at: number; status: number }[] = [];

  const timeline = (async () => {
    await sleep(BEFORE_MS);
    marks.stopBegin = Date.now();
    await postgres.stop();
    marks.stopEnd = Date.now();
    console.log(`  ${elapsed(t0)}: PostgreSQL stopped (took ${marks.stopEnd - marks.stopBegin} ms)`);
    await sleep(OUTAGE_MS / 2);
    readiness.push({ at: Date.now(), status: (await client.request("GET", "/api/ready")).status });
    await sleep(OUTAGE_MS / 2 - (Date.now() - marks.stopEnd - OUTAGE_MS / 2));
    marks.startBegin = Date.now();
    await postgres.start();
    marks.startEnd = Date.now();
    console.log(
      `  ${elapsed(t0)}: PostgreSQL started again on port ${postgres.port} (took ${marks.startEnd - marks.startBegin} ms)`,
    );
  })();
  const samples = await runClients(8, BEFORE_MS + OUTAGE_MS + 8000 + AFTER_MS, async () => {
    const s = await mixedRequest(client, ledger);
    // A client that is refused pauses a little instead of spinning (still many requests per second).
    if (s.status !== EXPECTED[s.op]) await sleep(100);
    return s;
  });
  await timeline;
  readiness.push({ at: Date.now(), status: (await client.request("GET", "/api/ready")).status });

  const during = samples.filter(
    (s) => s.startedAt >= marks.stopEnd && s.startedAt + s.ms <= marks.startBegin,
  );
  const before = samples.filter((s) => s.startedAt + s.ms < marks.stopBegin);
  const after = samples.filter((s) => s.startedAt >= marks.startEnd);
  const settled = after.filter((s) => s.startedAt >= marks.startEnd + SETTLE_MS);
  const firstSuccess = after.find((s) => s.status === EXPECTED[s.op]);
  console.log(`  before:  ${before.length} requests, ${tally(before, (s) => s.status)}`);
  console.log(
    `  outage:  ${during.length} requests, ${tally(during, (s) => `${s.status} ${s.code ?? ""}`.trim())}; ${latencySummary(during.map((s) => s.ms))}`,
  );
  console.log(
    `  after:   ${after.length} requests, ${tally(after, (s) => s.status)}; first success ${firstSuccess ? `${firstSuccess.startedAt + firstSuccess.ms - marks.startEnd} ms` : "never"} after PostgreSQL was back`,
  );
  console.log(`  /api/ready: ${readiness.map((r) => r.status).join(" during, ")} after`);

  const bad5xx = samples.filter((s) => s.status >= 500 && !isContract503(s));
  verdict.check(
    "(a) no 5xx but the contract's 503 (service_unavailable + Retry-After), no 500",
    bad5xx.length === 0,
    `${bad5xx.length}: ${tally(bad5xx, (s) => `${s.op} ${s.status} ${s.code}`)}`,
  );
  for (const s of bad5xx.slice(0, 5)) {
    const line = app
      .output()
      .split("\n")
      .find((l) => s.requestId && l.includes(s.requestId));
    console.log(
      `  ${s.op} ${s.status} at ${s.startedAt - marks.stopBegin} ms after the stop began: ${line?.slice(0, 1500) ?? "(not in the app's log)"}`,
    );
  }
  const notUnavailable = during.filter((s) => !isContract503(s));
  verdict.check(
    "(a) during the outage the API answers only 503 service_unavailable with Retry-After",
    during.length > 0 && notUnavailable.length === 0,
    `${during.length} requests, ${notUnavailable.length} other: ${tally(notUnavailable, (s) => `${s.op} ${s.status} ${s.error ?? ""}`)}`,
  );
  const slow = samples.filter((s) => s.ms > 5000 || s.status === 0);
  verdict.check(
    "(a) no hang: every answer within 5 s, no connection failed",
    slow.length === 0,
    `slowest ${Math.max(...samples.map((s) => s.ms))} ms; ${slow.length} over 5 s or failed`,
  );
  const notRecovered = settled.filter((s) => s.status !== EXPECTED[s.op]);
  verdict.check(
    `(a) full recovery: every answer a success from ${SETTLE_MS / 1000} s after PostgreSQL is back`,
    !!firstSuccess && settled.length > 0 && notRecovered.length === 0,
    `${settled.length} requests, ${notRecovered.length} not successful: ${tally(notRecovered, (s) => `${s.op} ${s.status}`)}`,
  );
  verdict.check(
    "(a) /api/ready: 503 during the outage, 200 after",
    readiness[0]?.status === 503 && readiness[1]?.status === 200,
  );
  verdict.check(
    "(a) recovered without restarting the app (same process, still running)",
    app.alive() && app.pid === pid,
  );
  const unexpected = samples.filter((s) => s.status > 0 && s.status < 500 && s.status !== EXPECTED[s.op]);
  verdict.check(
    "(a) no other error answer",
    unexpected.length === 0,
    tally(unexpected, (s) => `${s.op} ${s.status} ${s.code}`),
  );
  await verifyLedger(database.url, workspaceId, ledger, prefixed(verdict, "(a) "));
  client.close();
}

async function appKilled() {
  console.log(`\n(b) the app SIGKILLed ${KILLS} times mid-request under idempotent creates (6 clients)`);
  const { workspaceId, testKey } = await createTestWorkspace();
  const client = httpClient(app.url, testKey, { timeoutMs: 15_000 });
  const ledger = new Ledger();
  const answers = new Map<string, Result>();
  const noAnswer: string[] = [];
  let replayedFirst = 0;
  let attempts = 0;
  let running = true;
  let sequence = 0;

  const createWithKey = async (key: string) => {
    const body = { name: `k-${key}`, metadata: { tag: key } };
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      attempts++;
      const result = await client.request("POST", "/api/v1/customers", body, { "Idempotency-Key": key });
      const definitive =
        result.status >= 200 && result.status < 500 && result.body?.error?.code !== "idempotency_key_in_use";
      if (definitive) {
        if (result.headers["idempotent-replayed"] === "true") replayedFirst++;
        return result;
      }
      if (result.status === 0) noAnswer.push(result.error ?? "");
      await sleep(100);
    }
    throw new Error(`no definitive answer for ${key} in 90 s`);
  };
  const clients = Array.from({ length: 6 }, async (_, c) => {
    while (running) {
      const key = `kill-${c}-${++sequence}`;
      const result = await createWithKey(key);
      answers.set(key, result);
      if (result.status === 201) ledger.created.set(key, result.body.id);
    }
  });

  const t0 = Date.now();
  const restarts: string[] = [];
  for (let kill = 1; kill <= KILLS; kill++) {
    await sleep(3000 + Math.random() * 2000);
    await app.kill();
    const killedAt = Date.now();
    await sleep(1000);
    app = await startApp({ port: PORT, databaseUrl: database.url });
    restarts.push(`${elapsed(t0)} (down ${Date.now() - killedAt} ms)`);
  }
  await sleep(3000);
  running = false;
  await Promise.all(clients);
  console.log(`  killed and restarted at ${restarts.join(", ")}`);
  console.log(
    `  ${answers.size} keys, ${attempts} attempts; ${noAnswer.length} attempts got no answer (connection reset or refused while the app was down)`,
  );
  console.log(
    `  definitive answers: ${tally([...answers.values()], (r) => r.status)}; ${replayedFirst} keys' first definitive answer was a replay (the app had committed, the answer was lost)`,
  );

  const nonCreated = [...answers].filter(([, r]) => r.status !== 201);
  verdict.check(
    "(b) every key got 201 in the end",
    nonCreated.length === 0,
    nonCreated
      .map(([k, r]) => `${k}: ${r.status} ${r.text}`)
      .slice(0, 3)
      .join("; "),
  );
  await verifyLedger(database.url, workspaceId, ledger, prefixed(verdict, "(b) "));

  const sampleKeys = [...answers.keys()].sort(() => Math.random() - 0.5).slice(0, 20);
  const replays = await Promise.all(
    sampleKeys.map(async (key) => {
      const replay = await client.request(
        "POST",
        "/api/v1/customers",
        { name: `k-${key}`, metadata: { tag: key } },
        { "Idempotency-Key": key },
      );
      const same =
        replay.status === 201 &&
        replay.headers["idempotent-replayed"] === "true" &&
        replay.text === answers.get(key)!.text;
      if (!same)
        console.log(
          `  replay of ${key}: ${replay.status} replayed=${replay.headers["idempotent-replayed"]}\n    first:  ${answers.get(key)!.text}\n    replay: ${replay.text}`,
        );
      return same;
    }),
  );
  verdict.check(
    "(b) a replay of a key answers the same 201 body, marked Idempotent-Replayed",
    replays.every(Boolean),
    `${replays.filter(Boolean).length} of ${replays.length}`,
  );
  verdict.check(
    "(b) the kills hit requests in flight",
    noAnswer.some((e) => /reset|socket hang up|ECONNRESET/i.test(e)),
    tally(noAnswer, (e) => e.replace(/:.*/, "")),
  );
  client.close();
}

/** The same verdict, with a prefix on each check's name. */
function prefixed(target: Verdict, prefix: string): Verdict {
  return {
    check: (name: string, ok: boolean, detail?: string) => target.check(prefix + name, ok, detail),
  } as Verdict;
}
