// Load: mixed traffic (80% reads, 15% creates, 5% updates) against the production build on a fresh
// database, rate limits off, at the highest rate the machine holds: closed-loop clients, their
// number found by a ramp (the smallest concurrency reaching 95% of the best throughput seen; more
// clients only queue). Then 5 minutes (--quick: 20 s) at that concurrency. PASS: no 5xx, no
// failed or unexpected answer, and the database holds exactly the writes the clients saw acknowledged.
import { setDatabaseUrl } from "@/lib/env";
import { prisma } from "@/lib/db/prisma";
import { createTestWorkspace } from "@/test/support/api-client";
import { startApp } from "./support/app";
import { httpClient } from "./support/http";
import { startOwnPostgres } from "./support/postgres";
import { Ledger, mixedRequest, runClients, seed, verifyLedger, type Sample } from "./support/traffic";
import { latencySummary, quick, tally, Verdict } from "./support/verdict";

const durationMs = Number(process.env.RELIABILITY_LOAD_SECONDS ?? (quick ? 20 : 300)) * 1000;
const stepMs = quick ? 3000 : 12_000;
const ramp = quick ? [2, 8, 32] : [1, 2, 4, 8, 16, 32, 64];
const EXPECTED: Record<string, number> = { retrieve: 200, list: 200, create: 201, update: 200 };

const verdict = new Verdict("load");
const postgres = await startOwnPostgres();
const database = await postgres.freshDatabase();
setDatabaseUrl(database.url);
const app = await startApp({ port: 3301, databaseUrl: database.url });
const all: Sample[] = [];
try {
  const { workspaceId, testKey } = await createTestWorkspace();
  const client = httpClient(app.url, testKey);
  const ledger = new Ledger();
  await seed(client, ledger, quick ? 50 : 200);
  const request = () => mixedRequest(client, ledger);

  // Warm-up (JIT, the pool, the first plans), not counted in the ramp.
  all.push(...(await runClients(8, quick ? 2000 : 10_000, request)));

  console.log(`Ramp: ${stepMs / 1000} s per step, closed-loop clients`);
  const steps: { concurrency: number; rate: number }[] = [];
  for (const concurrency of ramp) {
    const samples = await runClients(concurrency, stepMs, request);
    all.push(...samples);
    const rate = samples.length / (stepMs / 1000);
    steps.push({ concurrency, rate });
    console.log(
      `  ${String(concurrency).padStart(3)} clients  ${rate.toFixed(0).padStart(5)} req/s  ${latencySummary(samples.map((s) => s.ms))}`,
    );
  }
  const best = Math.max(...steps.map((s) => s.rate));
  const chosen = steps.find((s) => s.rate >= 0.95 * best)!.concurrency;
  console.log(`Chosen: ${chosen} clients (the fewest reaching 95% of the best, ${best.toFixed(0)} req/s)\n`);

  console.log(`Main run: ${durationMs / 1000} s at ${chosen} clients`);
  const started = Date.now();
  let window: Sample[] = [];
  const progress = setInterval(() => {
    const errors = window.filter((s) => s.status >= 500 || s.status === 0).length;
    console.log(
      `  ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${(window.length / 30).toFixed(0).padStart(5)} req/s  ${latencySummary(window.map((s) => s.ms))}  5xx/errors ${errors}`,
    );
    window = [];
  }, 30_000);
  const main = await runClients(chosen, durationMs, request, (s) => window.push(s));
  clearInterval(progress);
  all.push(...main);
  const seconds = (Date.now() - started) / 1000;

  console.log(
    `\n${main.length} requests in ${seconds.toFixed(1)} s: ${(main.length / seconds).toFixed(0)} req/s`,
  );
  for (const op of ["retrieve", "list", "create", "update"] as const) {
    const ofOp = main.filter((s) => s.op === op);
    console.log(
      `  ${op.padEnd(8)} ${String(ofOp.length).padStart(7)} (${((100 * ofOp.length) / main.length).toFixed(1).padStart(4)}%)  ${latencySummary(ofOp.map((s) => s.ms))}`,
    );
  }
  console.log(
    `  all      ${String(main.length).padStart(7)}          ${latencySummary(main.map((s) => s.ms))}`,
  );
  console.log(
    `Statuses over the whole run (warm-up, ramp, main): ${tally(all, (s) => `${s.op} ${s.status}`)}\n`,
  );

  const fivexx = all.filter((s) => s.status >= 500);
  verdict.check(
    "zero 5xx",
    fivexx.length === 0,
    `${fivexx.length} of ${all.length}: ${tally(fivexx, (s) => `${s.status} ${s.code}`)}`,
  );
  const failed = all.filter((s) => s.status === 0);
  verdict.check(
    "no request failed or hung (15 s timeout)",
    failed.length === 0,
    `${failed.length}${failed[0] ? `, e.g. ${failed[0].error}` : ""}`,
  );
  const unexpected = all.filter((s) => s.status !== 0 && s.status < 500 && s.status !== EXPECTED[s.op]);
  verdict.check(
    "every other answer is the expected success",
    unexpected.length === 0,
    `${unexpected.length} unexpected: ${tally(unexpected, (s) => `${s.op} ${s.status} ${s.code}`)}`,
  );
  verdict.check("the app process is still the one started", app.alive());
  await verifyLedger(database.url, workspaceId, ledger, verdict);
  client.close();
} finally {
  await app.stop();
  await prisma.$disconnect();
  await database.drop().catch(() => {});
  await postgres.stop();
}
verdict.finish();
