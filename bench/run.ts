// npm run bench [-- N] — the benchmarks in bench/, each printing its own results and baselines
// (they run against the production build: `npm run build` first).
// Record what you run, with the command, in docs/benchmarks.md.
import { spawnSync } from "node:child_process";

const size = process.argv[2] ?? "200000";
const benches = [
  ["bench/export-memory.ts", size],
  // GET /customers/export over HTTP: 1,000,000 customers (the figure) unless a size is given.
  ["bench/export-http.ts", process.argv[2] ?? "1000000"],
  // 100,000 customers (the figure) unless a size is given.
  ["bench/sdk-bulk-create.ts", process.argv[2] ?? "100000"],
  // 1,000,000 customers (the figure) unless a size is given.
  ["bench/api-reads.ts", process.argv[2] ?? "1000000"],
];

let failed = 0;
for (const [script, ...args] of benches) {
  console.log(`\n$ tsx --conditions=react-server ${script} ${args.join(" ")}`);
  const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
