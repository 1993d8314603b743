// npx tsx --conditions=react-server bench/sdk-bulk-create.ts [N=100000]   (after `npm run build`)
// customers.bulkCreate of the SDK against `next start` on a fresh database: N customers at
// concurrency 2 and 4, and, as baselines measured in the same run, N/5 through the SDK at
// concurrency 1 and N/5 as bare `fetch` POSTs of 1,000 items, one after the other (the API alone).
// Rate limits are off; 3,000 customers warm the server first. The database is dropped at the end.
import { setDatabaseUrl } from "@/lib/env";
import { prisma } from "@/lib/db/prisma";
import { provideDatabase } from "@/lib/db/provide-database";
import { Plugipay } from "@/sdk/src/index";
import { createTestWorkspace } from "@/test/support/api-client";
import { startApiServer } from "@/test/support/api-server";
import { createTestDatabase } from "@/test/support/test-database";

const N = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(N) || N < 1000)
  throw new Error(`N must be an integer of at least 1000, got ${process.argv[2]}`);

const items = (label: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    externalId: `${label}-${i}`,
    email: `${label}.${i}@example.com`,
    name: `Customer ${i}`,
    metadata: { source: "bench" },
  }));

async function timed(label: string, count: number, run: () => Promise<number>, baseline?: number) {
  const started = performance.now();
  const created = await run();
  const seconds = (performance.now() - started) / 1000;
  if (created !== count) throw new Error(`${label}: created ${created} of ${count}`);
  const rate = count / seconds;
  const ratio = baseline ? `  ${(rate / baseline).toFixed(2)} × the bare API` : "";
  console.log(
    `${label.padEnd(34)} ${String(count).padStart(7)} customers  ${seconds.toFixed(1).padStart(6)} s  ${Math.round(rate).toString().padStart(5)}/s${ratio}`,
  );
  return rate;
}

const databaseServer = await provideDatabase(() => {});
const database = await createTestDatabase(databaseServer.url, { prefix: "plugipay_bench" });
setDatabaseUrl(database.url);
const server = await startApiServer({ LOG_LEVEL: "warn", JOBS_WORKER: "off" });
try {
  const { testKey } = await createTestWorkspace();
  const sdk = (concurrency: number) => async (list: ReturnType<typeof items>) => {
    const results = await new Plugipay(testKey, { baseUrl: server.url }).customers.bulkCreate(list, {
      batchSize: 1000,
      concurrency,
    });
    return results.filter((result) => result.status === 201).length;
  };
  const bare = async (list: ReturnType<typeof items>) => {
    let created = 0;
    for (let start = 0; start < list.length; start += 1000) {
      const response = await fetch(`${server.url}/api/v1/customers/bulk`, {
        method: "POST",
        headers: { Authorization: `Bearer ${testKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ items: list.slice(start, start + 1000) }),
      });
      // A failed request (a 500 or 503 under load) is reported as such, not as a missing field.
      if (response.status !== 200)
        throw new Error(`bulk answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { results: { status: number }[] };
      created += body.results.filter((result) => result.status === 201).length;
    }
    return created;
  };
  const small = Math.floor(N / 5);
  // Warm the server (JIT, its connection pool, the first plans) before anything is timed.
  await bare(items("warm-up", 3000));
  console.log(`POST /customers/bulk, 1,000 items a request, ${N} customers (baselines: ${small})`);
  const baseline = await timed("bare fetch, one at a time", small, () => bare(items("bare", small)));
  await timed("SDK bulkCreate, concurrency 1", small, () => sdk(1)(items("sdk1", small)), baseline);
  await timed("SDK bulkCreate, concurrency 2", N, () => sdk(2)(items("sdk2", N)), baseline);
  await timed("SDK bulkCreate, concurrency 4", N, () => sdk(4)(items("sdk4", N)), baseline);
} finally {
  await server.stop();
  await prisma.$disconnect();
  await database.drop();
  await databaseServer.release();
}
