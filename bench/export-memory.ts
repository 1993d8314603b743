// npx tsx --conditions=react-server bench/export-memory.ts [N=200000]
// Does the CSV export stream in constant memory? Exports N/10 customers, then N, from a fresh
// database on DATABASE_URL's server (else the embedded one), sampling RSS and heap every 100 ms.
// Flat memory: both peaks about the same. The database is dropped at the end.
import v8 from "node:v8";
import vm from "node:vm";
import { setDatabaseUrl } from "@/lib/env";
import { prisma } from "@/lib/db/prisma";
import { provideDatabase } from "@/lib/db/provide-database";
import { exportCustomers } from "@/lib/customers/export-customers";
import { customerExportQuerySchema } from "@/lib/customers/schemas";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createTestDatabase } from "@/test/support/test-database";

const N = Number(process.argv[2] ?? 200_000);
if (!Number.isInteger(N) || N < 10)
  throw new Error(`N must be an integer of at least 10, got ${process.argv[2]}`);

// Peak heapUsed mostly shows how lazily V8 collects; the live heap after a forced GC (every
// 300 ms) shows what the export retains. --expose-gc is set here, as tsx owns the command line.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function seed(count: number): Promise<string> {
  const { workspaceId } = await createWorkspace({
    name: `Bench ${count}`,
    email: `bench-${count}-${Date.now()}@example.com`,
    password: "correct horse battery",
  });
  // Commas and quotes in every name, so quoting is on the measured path too.
  await prisma.$executeRaw`
    INSERT INTO customers (id, workspace_id, livemode, external_id, email, email_normalized, name,
      phone, metadata, created_at, updated_at)
    SELECT 'cus_' || lpad(i::text, 26, '0'), ${workspaceId}, false, 'ext_' || i,
      'user' || i || '@example.com', 'user' || i || '@example.com', 'Customer ' || i || ', "VIP"',
      '+62812' || lpad(i::text, 7, '0'), jsonb_build_object('plan', 'pro', 'seq', i::text),
      now() - make_interval(secs => i), now()
    FROM generate_series(1, ${count}::int) AS i`;
  return workspaceId;
}

async function measure(workspaceId: string, expected: number) {
  const filters = customerExportQuerySchema.parse({});
  let peakRss = 0;
  let peakHeap = 0;
  let peakLive = 0;
  let ticks = 0;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
    if (++ticks % 3 === 0) {
      gc();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    }
  };
  gc();
  const timer = setInterval(sample, 100);
  const started = performance.now();
  let bytes = 0;
  let newlines = 0;
  const reader = exportCustomers({ workspaceId, livemode: false }, filters).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    for (const byte of chunk.value) if (byte === 10) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  const rows = newlines - 1; // minus the header; the seeded values hold no line breaks
  if (rows !== expected) throw new Error(`exported ${rows} rows, expected ${expected}`);
  return { rows, bytes, seconds, peakRss, peakHeap, peakLive };
}

const server = await provideDatabase(() => {});
const database = await createTestDatabase(server.url, { prefix: "plugipay_bench" });
setDatabaseUrl(database.url);
try {
  const sizes = [Math.floor(N / 10), N];
  console.log(`Seeding ${sizes.join(" + ")} customers…`);
  const workspaces = [];
  for (const size of sizes) workspaces.push(await seed(size));
  // As a live table would be: otherwise the first export pays for setting every row's hint bits.
  await prisma.$executeRaw`VACUUM ANALYZE customers`;
  console.log(`Baseline before exporting: RSS ${mb(process.memoryUsage().rss)}`);
  for (const [i, size] of sizes.entries()) {
    const result = await measure(workspaces[i], size);
    console.log(
      `${String(result.rows).padStart(9)} rows  ${mb(result.bytes).padStart(9)} CSV  ` +
        `${result.seconds.toFixed(1).padStart(5)} s  ${Math.round(result.rows / result.seconds)} rows/s  ` +
        `peak RSS ${mb(result.peakRss)}  peak heap ${mb(result.peakHeap)}  peak live heap ${mb(result.peakLive)}`,
    );
  }
} finally {
  await prisma.$disconnect();
  await database.drop();
  await server.release();
}
