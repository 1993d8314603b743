// npx tsx --conditions=react-server bench/api-reads.ts [N=1000000] [--seconds=5] [--rounds=3]
//   [--only=health,list10,…] [--cpu-prof=DIR]                             (after `npm run build`)
// Issue 8's read-path targets, measured in one run against baselines of the same run: N customers
// seeded into a fresh database (bench/support/seed-customers.ts), `next start` on it (rate limits
// off, LOG_LEVEL=warn, no job worker), then autocannon at 20 connections on GET /api/health (the
// baseline), the customer list, a deep page, the filters, search and the dashboard's list page.
// The scenarios take turns in rounds, so a neighbour's load on this shared machine falls on all of
// them alike. Then, in this process, the list's SQL through raw node-postgres against the same
// query through listCustomers (Prisma + the app), and EXPLAIN (ANALYZE, BUFFERS) of every read,
// written to bench/results/. --cpu-prof=DIR profiles the server (node --cpu-prof).
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { encodeCursor } from "@/lib/api/cursor";
import { hashSecretKey } from "@/lib/api-keys/secret-key";
import { listCustomers } from "@/lib/customers/list-customers";
import { customerListQuerySchema } from "@/lib/customers/schemas";
import { prisma } from "@/lib/db/prisma";
import { provideDatabase } from "@/lib/db/provide-database";
import { env, setDatabaseUrl } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { seedCustomers, seededCustomerId } from "@/bench/support/seed-customers";
import { addCpu, cpuDuring, perRequest, type CpuSplit } from "@/bench/support/cpu-time";
import { emptySample, load, summarize, type Scenario } from "@/bench/support/load";
import { printReadResults } from "@/bench/support/read-targets";
import { signInCookie } from "@/bench/support/sign-in";
import { TEST_AUTH_SECRET, startApiServer } from "@/test/support/api-server";
import { createTestDatabase } from "@/test/support/test-database";
import { recordingDb } from "@/test/support/query-plans";

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const N = Number(args.find((arg) => !arg.startsWith("--")) ?? 1_000_000);
if (!Number.isInteger(N) || N < 10_000) throw new Error(`N must be an integer of at least 10000, got ${N}`);
const SECONDS = Number(option("seconds") ?? 5);
const ROUNDS = Number(option("rounds") ?? 3);
const CONNECTIONS = 20;
const ONLY = option("only")?.split(",");
const SAMPLES = 500;
const DEEP = Math.min(900_000, Math.floor(N * 0.9));

const log = (line: string) => console.log(line);
const pick = <T>(list: T[], i: number) => list[i % list.length];
// autocannon stops at its deadline without waiting for the requests in flight: let the server
// finish them before the next scenario starts, or their work is counted against it.
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
const random = (count: number) => Array.from({ length: count }, () => 1 + Math.floor(Math.random() * N));
/** Row i's createdAt (the seeder's rule): the -createdAt cursor's sort value. */
const createdAt = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString();

const databaseServer = await provideDatabase(() => {});
const database = await createTestDatabase(databaseServer.url, { prefix: "plugipay_bench" });
setDatabaseUrl(database.url);
// listCustomers signs cursors with it, here as in the server.
env.AUTH_SECRET = TEST_AUTH_SECRET;
const raw = new pg.Pool({ connectionString: database.url, max: 1 });
const cpuProf = option("cpu-prof");
let server: Awaited<ReturnType<typeof startApiServer>> | undefined;
try {
  const password = "bench password 8";
  const owner = `bench-${randomBytes(4).toString("hex")}@example.com`;
  const created = await createWorkspace({ name: "Bench", email: owner, password });
  const scope = { workspaceId: created.workspaceId, livemode: false };
  const started = performance.now();
  await seedCustomers(scope, N, (done) => process.stdout.write(`\rSeeding ${done} of ${N} customers…`));
  log(`\rSeeded ${N} customers in ${((performance.now() - started) / 1000).toFixed(0)} s.          `);

  // Varied values: a few hundred customers picked at random, so no request repeats one cached answer.
  const { rows: sampled } = await raw.query<{ email: string; name: string | null; external_id: string }>(
    "SELECT email, name, external_id FROM customers WHERE workspace_id = $1 AND id = ANY($2)",
    [scope.workspaceId, random(SAMPLES).map(seededCustomerId)],
  );
  const named = sampled.filter((row) => row.name);
  const local = (email: string) => email.split("@")[0];
  const typo = (word: string) => word.slice(0, 2) + word[3] + word[2] + word.slice(4); // swap two letters
  const values = {
    email: sampled.map((row, i) => (i % 2 ? row.email.toUpperCase() : row.email)),
    externalId: sampled.map((row) => row.external_id),
    // Half a surname's first five letters (1 customer in 40 has it), half an address up to its
    // number (one customer).
    partial: named.map((row, i) => (i % 2 ? row.name!.split(" ")[1].slice(0, 5) : local(row.email))),
    // Half a name with two letters of the surname swapped, half an address with its domain's.
    typo: named.map((row, i) => {
      const [first, last] = row.name!.split(" ");
      if (i % 2) return `${first} ${typo(last)}`;
      const [user, domain] = row.email.split("@");
      return `${user}@${typo(domain)}`;
    }),
    // Terms few or no customers have, all three kinds the sort-index walk once read the whole
    // workspace for: a word no customer has, the end of an id, an externalId up to its number.
    rare: sampled.flatMap((row, i) => [
      `nobody ${i}x`,
      seededCustomerId(Number(row.external_id.slice(4))).slice(-7),
      row.external_id.slice(1),
    ]),
  };
  const cursorScope = `${scope.workspaceId}:test:-createdAt`;
  // The page after row DEEP + k of the default order (newest first: row i = N + 1 - position).
  const deepCursors = Array.from({ length: 200 }, (_, k) => {
    const i = N + 1 - (DEEP + k * 37);
    return encodeCursor(
      { values: [createdAt(i)], id: seededCustomerId(i) },
      { secret: TEST_AUTH_SECRET, scope: cursorScope },
    );
  });

  server = await startApiServer(
    { LOG_LEVEL: "warn", JOBS_WORKER: "off" },
    cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${cpuProf}`] : [],
  );
  const auth = { Authorization: `Bearer ${created.testSecretKey}` };
  const cookie = await signInCookie(server.url, owner, password);
  const list = "/api/v1/customers";
  const q = (name: string, value: string) => `${list}?${name}=${encodeURIComponent(value)}`;
  const scenarios: Scenario[] = [
    { name: "health", paths: ["/api/health"] },
    { name: "list10", paths: [list], headers: auth },
    { name: "list100", paths: [`${list}?limit=100`], headers: auth },
    { name: "deep", paths: deepCursors.map((cursor) => q("cursor", cursor)), headers: auth },
    { name: "email", paths: values.email.map((v) => q("email", v)), headers: auth },
    { name: "externalId", paths: values.externalId.map((v) => q("externalId", v)), headers: auth },
    { name: "qPartial", paths: values.partial.map((v) => q("q", v)), headers: auth },
    { name: "qTypo", paths: values.typo.map((v) => q("q", v)), headers: auth },
    { name: "qRare", paths: values.rare.map((v) => q("q", v)), headers: auth },
    { name: "dashboard", paths: ["/dashboard/customers"], headers: { Cookie: cookie } },
    // Search alone, one request at a time: the query's own latency, without 20 connections' queueing.
    { name: "qPartial@1", paths: values.partial.map((v) => q("q", v)), headers: auth, connections: 1 },
    { name: "qTypo@1", paths: values.typo.map((v) => q("q", v)), headers: auth, connections: 1 },
    { name: "qRare@1", paths: values.rare.map((v) => q("q", v)), headers: auth, connections: 1 },
  ].filter((scenario) => !ONLY || scenario.name === "health" || ONLY.includes(scenario.name));

  // Each answers what it should before anything is timed.
  const deepFirst = await (
    await fetch(`${server.url}${q("cursor", deepCursors[0])}`, { headers: auth })
  ).json();
  if (deepFirst.data?.[0]?.id !== seededCustomerId(N - DEEP))
    throw new Error("the deep cursor resumes elsewhere");
  const dashboard = await fetch(`${server.url}/dashboard/customers`, { headers: { Cookie: cookie } });
  if (!dashboard.ok || !(await dashboard.text()).includes(seededCustomerId(N)))
    throw new Error(`the dashboard list did not render (${dashboard.status})`);

  // One request at a time first: what each costs without queueing (and a check that it answers 200).
  for (const scenario of scenarios) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const response = await fetch(`${server.url}${pick(scenario.paths, i)}`, { headers: scenario.headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${scenario.name} answered ${response.status}`);
      times.push(performance.now() - t);
    }
    log(`${scenario.name.padEnd(12)} alone: ${times.map((t) => t.toFixed(1)).join(", ")} ms`);
  }
  log(`Warming up (${scenarios.length} scenarios × 2 s)…`);
  for (const scenario of scenarios) {
    await load(server.url, scenario, { seconds: 2, connections: CONNECTIONS });
    await settle();
  }
  const samples = new Map(scenarios.map((scenario) => [scenario.name, emptySample()]));
  // What each scenario's load (the settle after it included) cost the app server, PostgreSQL (the
  // embedded one: its postmaster and backends) and this process (autocannon).
  const pids = {
    app: server.pid,
    postgres: databaseServer.embedded
      ? Number(
          readFileSync(path.join(databaseServer.embedded.dataDir, "postmaster.pid"), "utf8").split("\n")[0],
        )
      : undefined,
  };
  const cpuSpent = new Map<string, CpuSplit>(
    scenarios.map((scenario) => [scenario.name, { app: 0, postgres: 0, client: 0 }]),
  );
  for (let round = 1; round <= ROUNDS; round++) {
    log(
      `Round ${round} of ${ROUNDS}: ${scenarios.length} scenarios × ${SECONDS} s at ${CONNECTIONS} connections`,
    );
    for (const scenario of scenarios) {
      const url = server.url;
      const spent = await cpuDuring(pids, async () => {
        await load(url, scenario, { seconds: SECONDS, connections: CONNECTIONS }, samples.get(scenario.name));
        await settle();
      });
      cpuSpent.set(scenario.name, addCpu(cpuSpent.get(scenario.name)!, spent));
    }
  }
  const results = new Map([...samples].map(([name, sample]) => [name, summarize(sample)]));
  const cpuPerRequest = new Map(
    [...cpuSpent].map(([name, spent]) => [name, perRequest(spent, samples.get(name)!.requests)]),
  );

  // The list's SQL (first page, limit 10) through raw node-postgres and through listCustomers.
  const firstPage = customerListQuerySchema.parse({});
  const recorded: Prisma.Sql[] = [];
  await listCustomers(scope, firstPage, recordingDb(recorded));
  const [listSql] = recorded;
  // Each at 20 queries in flight (as the API's 20 connections), on a pool of 10 like the app's, in
  // turns of 2 s: per query, the wall time (elapsed / queries: the pools' throughput) and this
  // process's CPU time (what Prisma and the app add on the client side). Prisma's own $queryRaw of
  // the same SQL too: what listCustomers paid before it went straight to node-postgres.
  const pool10 = new pg.Pool({ connectionString: database.url, max: 10 });
  const runs: Record<"raw" | "app" | "prisma", () => Promise<unknown>> = {
    raw: () => pool10.query(listSql.text, listSql.values),
    app: () => listCustomers(scope, firstPage),
    prisma: () => prisma.$queryRaw(listSql),
  };
  const spent = Object.fromEntries(Object.keys(runs).map((name) => [name, { ms: 0, cpu: 0, queries: 0 }]));
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const [t, cpu, until] = [performance.now(), process.cpuUsage(), performance.now() + 2000];
      let queries = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (performance.now() < until) {
            await run();
            queries++;
          }
        }),
      );
      if (round === 0) continue; // warm-up
      const used = process.cpuUsage(cpu);
      spent[name].ms += performance.now() - t;
      spent[name].cpu += (used.user + used.system) / 1000;
      spent[name].queries += queries;
    }
  }
  await pool10.end();
  const per = (name: string) => ({
    ms: spent[name].ms / spent[name].queries,
    cpu: spent[name].cpu / spent[name].queries,
  });
  const [rawQ, appQ, prismaQ] = [per("raw"), per("app"), per("prisma")];
  log(
    `\nThe list's SQL in this process at ${CONNECTIONS} in flight, per query (wall / this process's CPU): ` +
      `raw pg ${rawQ.ms.toFixed(3)} / ${rawQ.cpu.toFixed(3)} ms, listCustomers ${appQ.ms.toFixed(3)} / ` +
      `${appQ.cpu.toFixed(3)} ms, prisma.$queryRaw ${prismaQ.ms.toFixed(3)} / ${prismaQ.cpu.toFixed(3)} ms`,
  );
  printReadResults(
    results,
    { raw: rawQ, app: appQ, prisma: prismaQ },
    { connections: CONNECTIONS, rounds: ROUNDS, seconds: SECONDS, n: N, deep: DEEP },
    cpuPerRequest,
  );

  // EXPLAIN (ANALYZE, BUFFERS) of the SQL behind each read, one representative value each.
  const explains: [string, Record<string, string>][] = [
    ["list, limit 10 (first page)", {}],
    ["list, limit 100", { limit: "100" }],
    [`list, deep page (after ${DEEP} rows)`, { cursor: deepCursors[0] }],
    ["email=", { email: values.email[1] }],
    ["externalId=", { externalId: values.externalId[0] }],
    ["q=, a surname's first letters", { q: values.partial[1] }],
    ["q=, an address up to its number", { q: values.partial[0] }],
    ["q=, a surname with a typo", { q: values.typo[1] }],
    ["q=, an address with a typo in its domain", { q: values.typo[0] }],
    ["q=, a word no customer has", { q: values.rare[0] }],
    ["q=, the end of an id", { q: values.rare[1] }],
    ["q=, an externalId up to its number", { q: values.rare[2] }],
    ["dashboard list page (limit 50)", { limit: "50" }],
  ];
  let report = `EXPLAIN (ANALYZE, BUFFERS), N = ${N}, ${new Date().toISOString()}\n`;
  for (const [what, params] of explains) {
    const queries: Prisma.Sql[] = [];
    await listCustomers(scope, customerListQuerySchema.parse(params), recordingDb(queries));
    for (const sql of queries) report += await explain(what, sql.text, sql.values, params);
  }
  report += await explain(
    "API key lookup (every API request)",
    "SELECT id, workspace_id, livemode, revoked_at FROM api_keys WHERE secret_hash = $1 LIMIT 1",
    [hashSecretKey(created.testSecretKey)],
    {},
  );
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/api-reads-explain-${N}.txt`;
  writeFileSync(file, report);
  log(`\n${report}\n(written to ${file})`);
} finally {
  await server?.stop();
  await raw.end();
  await prisma.$disconnect();
  await database.drop();
  await databaseServer.release();
}

async function explain(what: string, text: string, values: unknown[], params: Record<string, string>) {
  const { rows } = await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
  const shown = Object.entries(params).map(([k, v]) => `${k}=${k === "cursor" ? `${v.slice(0, 16)}…` : v}`);
  const sql = text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^SELECT .*? FROM/, "SELECT … FROM");
  return `\n-- ${what}${shown.length ? ` (${shown.join("&")})` : ""}\n-- ${sql}\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}\n`;
}
