// npx tsx --conditions=react-server bench/export-http.ts [N=1000000]   (after `npm run build`)
// GET /api/v1/customers/export of N customers over HTTP from `next start` (rate limits off, no job
// worker, LOG_LEVEL=warn) on a fresh database seeded by bench/support/seed-customers.ts, counting
// the CSV's rows and sampling the server's memory (VmRSS of its process tree every 150 ms, and
// VmHWM). Baselines, measured in the same run: the same rows in the same order read by raw `pg`
// through a cursor in this process (the database and driver alone), and `COPY … TO STDOUT` in CSV
// (the ceiling: PostgreSQL writing the CSV itself). The database is dropped at the end.
import { readFileSync, readdirSync } from "node:fs";
import pg from "pg";
import { setDatabaseUrl } from "@/lib/env";
import { prisma } from "@/lib/db/prisma";
import { provideDatabase } from "@/lib/db/provide-database";
import { seedCustomers, seededCustomerId } from "@/bench/support/seed-customers";
import { createTestWorkspace } from "@/test/support/api-client";
import { startApiServer } from "@/test/support/api-server";
import { createTestDatabase } from "@/test/support/test-database";

const N = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(N) || N < 1000)
  throw new Error(`N must be an integer of at least 1000, got ${process.argv[2]}`);

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

// The export's query (default filters: unarchived, newest first) in one statement, no batches.
const EXPORT_SQL = `
  SELECT id, external_id, email, name, phone, tax_id, created_at, archived_at, metadata
  FROM customers WHERE workspace_id = $1 AND livemode = false AND archived_at IS NULL
  ORDER BY created_at DESC, id DESC`;

/** VmRSS and VmHWM (kB) of a process and its descendants, from /proc. */
function treeMemory(pid: number): { rss: number; hwm: number } {
  let rss = 0;
  let hwm = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      hwm += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(" ") : []) visit(Number(child));
      }
    } catch {
      // the process ended between two reads
    }
  };
  visit(pid);
  return { rss, hwm };
}

function report(label: string, rows: number, seconds: number, extra = "") {
  const rate = Math.round(rows / seconds);
  console.log(
    `${label.padEnd(36)} ${String(rows).padStart(8)} rows  ${seconds.toFixed(1).padStart(5)} s  ${String(rate).padStart(7)} rows/s${extra}`,
  );
  return rate;
}

/** The raw driver: a server-side cursor fetched 10,000 rows at a time, rows counted. */
async function cursorBaseline(url: string, workspaceId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${EXPORT_SQL}`.replace("$1", "$1::text"), [
      workspaceId,
    ]);
    let rows = 0;
    for (;;) {
      const batch = await client.query("FETCH 10000 FROM export_cursor");
      rows += batch.rowCount ?? 0;
      if (!batch.rowCount) break;
    }
    await client.query("COMMIT");
    if (rows !== N) throw new Error(`cursor read ${rows} rows, expected ${N}`);
    return report("raw pg cursor (baseline)", rows, (performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

/** COPY (the export's query) TO STDOUT in CSV: PostgreSQL writes the file itself. */
async function copyCeiling(url: string, workspaceId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let newlines = 0;
    // pg's Query receives the CopyData messages; count the rows as they stream past.
    class CopyOut extends pg.Query {
      handleCopyData(message: { chunk: Buffer }) {
        for (const byte of message.chunk) if (byte === 10) newlines++;
      }
    }
    const literal = workspaceId.replace(/'/g, "''");
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const query = new CopyOut(
        `COPY (${EXPORT_SQL.replace("$1", `'${literal}'`)}) TO STDOUT WITH (FORMAT csv, HEADER)`,
      );
      query.on("end", () => resolve());
      query.on("error", reject);
      client.query(query);
    });
    const rows = newlines - 1;
    if (rows !== N) throw new Error(`COPY wrote ${rows} rows, expected ${N}`);
    return report("COPY … TO STDOUT csv (ceiling)", rows, (performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of one export batch: the 2,000 rows after the middle row. */
async function explainBatch(url: string, workspaceId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const middle = Math.floor(N / 2);
    const createdAt = new Date(Date.UTC(2020, 0, 1) + middle * 1000);
    const plan = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS)
       SELECT id, external_id, email, email_normalized, name, phone, tax_id, metadata, archived_at, created_at
       FROM customers WHERE workspace_id = $1 AND livemode = false AND archived_at IS NULL
         AND (created_at, id) < ($2::timestamptz, $3)
       ORDER BY created_at DESC, id DESC LIMIT 2000`,
      [workspaceId, createdAt, seededCustomerId(middle)],
    );
    console.log("One export batch (2,000 rows after the middle row):");
    for (const row of plan.rows) console.log(`  ${row["QUERY PLAN"]}`);
  } finally {
    await client.end();
  }
}

// Next compresses any response whose client accepts gzip, as fetch does unless told otherwise
// (curl does not): the export is measured both ways.
async function httpExport(
  url: string,
  key: string,
  pid: number,
  expected: number,
  label: string,
  acceptEncoding = "identity",
) {
  const before = treeMemory(pid);
  let peak = before.rss;
  const timer = setInterval(() => (peak = Math.max(peak, treeMemory(pid).rss)), 150);
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/customers/export`, {
    headers: { Authorization: `Bearer ${key}`, "Accept-Encoding": acceptEncoding },
  });
  if (response.status !== 200)
    throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let newlines = 0;
  const reader = response.body!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    for (const byte of chunk.value) if (byte === 10) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const after = treeMemory(pid);
  peak = Math.max(peak, after.rss);
  const rows = newlines - 1; // minus the header; the seeded values hold no line breaks
  if (rows !== expected) throw new Error(`${label}: exported ${rows} rows, expected ${expected}`);
  return {
    rows,
    seconds,
    line: `  ${(bytes / 1024 / 1024).toFixed(0)} MB CSV  server RSS ${mb(before.rss)} before, peak ${mb(peak)}, VmHWM ${mb(after.hwm)}`,
    peak,
    hwm: after.hwm,
  };
}

const databaseServer = await provideDatabase(() => {});
const database = await createTestDatabase(databaseServer.url, { prefix: "plugipay_bench" });
setDatabaseUrl(database.url);
const warmUpRows = 10_000;
const [workspace, warmUp] = [await createTestWorkspace(), await createTestWorkspace()];
console.log(`Seeding ${N} customers (and ${warmUpRows} to warm the server up)…`);
let shown = 0;
await seedCustomers({ workspaceId: workspace.workspaceId, livemode: false }, N, (done) => {
  if (done - shown >= N / 4 || done === N) console.log(`  ${(shown = done)}`);
});
await seedCustomers({ workspaceId: warmUp.workspaceId, livemode: false }, warmUpRows);
const server = await startApiServer({ LOG_LEVEL: "warn", JOBS_WORKER: "off" });
try {
  await httpExport(server.url, warmUp.testKey, server.pid, warmUpRows, "warm-up");
  console.log(`GET /customers/export, ${N} customers (server pid ${server.pid})`);
  const baseline = await cursorBaseline(database.url, workspace.workspaceId);
  await copyCeiling(database.url, workspace.workspaceId);
  for (const encoding of ["identity", "gzip"]) {
    const result = await httpExport(server.url, workspace.testKey, server.pid, N, "export", encoding);
    const rate = result.rows / result.seconds;
    const label = `GET /customers/export, ${encoding}`;
    report(label, result.rows, result.seconds, `  ${(rate / baseline).toFixed(2)} × the raw cursor`);
    console.log(result.line);
  }
  await explainBatch(database.url, workspace.workspaceId);
} finally {
  await server.stop();
  await prisma.$disconnect();
  await database.drop();
  await databaseServer.release();
}
