// The read benchmark's report (bench/api-reads.ts): the scenarios' figures, then issue 8's read
// targets, each as a ratio to its baseline measured in the same run, with PASS or MISS.
import type { CpuSplit } from "@/bench/support/cpu-time";
import type { Summary } from "@/bench/support/load";

export type PerQuery = { ms: number; cpu: number };

/** How the bench ran, for the report's headings. */
export type ReadRun = { connections: number; rounds: number; seconds: number; n: number; deep: number };

/** Prints every scenario's figures, then each of issue 8's read targets with its baseline and verdict. */
export function printReadResults(
  results: Map<string, Summary>,
  inProcess: Record<"raw" | "app" | "prisma", PerQuery>,
  { connections, rounds, seconds, n, deep }: ReadRun,
  cpuPerRequest: Map<string, CpuSplit>,
) {
  const log = (line: string) => console.log(line);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const perSecond = (value: number) => `${value.toFixed(0)}/s`;
  log(
    `\nGET requests at ${connections} connections (@1: at 1), ${rounds} rounds × ${seconds} s each, ${n} customers`,
  );
  log(
    `${"scenario".padEnd(12)} ${"requests".padStart(9)} ${"errors".padStart(6)} ${"req/s".padStart(8)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)}`,
  );
  for (const [name, r] of results)
    log(
      `${name.padEnd(12)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(6)} ${perSecond(r.rps).padStart(8)} ${ms(r.p50).padStart(9)} ${ms(r.p95).padStart(9)} ${ms(r.p99).padStart(9)}`,
    );

  // Throughput on two shared cores is bounded by the CPU each request costs all three processes.
  const cpuMs = (value: number | undefined) => (value === undefined ? "—" : value.toFixed(2));
  log(`\nCPU per request (ms), over the same load: what each scenario costs each process`);
  log(
    `${"scenario".padEnd(12)} ${"app".padStart(7)} ${"postgres".padStart(9)} ${"autocannon".padStart(11)} ${"total".padStart(7)}`,
  );
  for (const [name, c] of cpuPerRequest) {
    const total = c.app === undefined ? undefined : c.app + (c.postgres ?? 0) + c.client;
    log(
      `${name.padEnd(12)} ${cpuMs(c.app).padStart(7)} ${cpuMs(c.postgres).padStart(9)} ${cpuMs(c.client).padStart(11)} ${cpuMs(total).padStart(7)}`,
    );
  }

  type Row = [string, string, string, number, string, boolean];
  const rows: Row[] = [];
  const health = results.get("health")!;
  const first = results.get("list10");
  const ratio = (
    what: string,
    name: string,
    base: Summary | undefined,
    baseName: string,
    metric: "rps" | "p50",
    target: number,
    atLeast: boolean,
  ) => {
    const r = results.get(name);
    if (!r || !base) return;
    const value = r[metric] / base[metric];
    const show = metric === "rps" ? perSecond : ms;
    rows.push([
      what,
      `${baseName} ${show(base[metric])}`,
      show(r[metric]),
      value,
      `${atLeast ? "≥" : "≤"} ${target}`,
      atLeast ? value >= target : value <= target,
    ]);
  };
  ratio("list limit 10, throughput", "list10", health, "health", "rps", 0.7, true);
  ratio("list limit 100, throughput", "list100", health, "health", "rps", 0.4, true);
  ratio(`deep page (after ${deep}), p50`, "deep", first, "first page", "p50", 1.1, false);
  ratio("email=, p50", "email", first, "first page", "p50", 1.1, false);
  ratio("externalId=, p50", "externalId", first, "first page", "p50", 1.1, false);
  for (const [what, name] of [
    ["q= partial, p95", "qPartial"],
    ["q= typo, p95", "qTypo"],
    ["q= rare or no match, p95", "qRare"],
    ["q= partial, p95 at 1 connection", "qPartial@1"],
    ["q= typo, p95 at 1 connection", "qTypo@1"],
    ["q= rare or no match, p95 at 1 connection", "qRare@1"],
  ]) {
    const r = results.get(name);
    if (r) rows.push([what, "—", ms(r.p95), r.p95 / 50, "≤ 50 ms", r.p95 <= 50]);
  }
  ratio("dashboard list render, p50", "dashboard", health, "health", "p50", 3, false);
  const { raw: rawQ } = inProcess;
  for (const [what, name, metric] of [
    ["listCustomers vs raw pg, wall/query", "app", "ms"],
    ["listCustomers vs raw pg, CPU/query", "app", "cpu"],
    ["(before: prisma.$queryRaw, wall)", "prisma", "ms"],
    ["(before: prisma.$queryRaw, CPU)", "prisma", "cpu"],
  ] as const) {
    const value = inProcess[name][metric] / rawQ[metric];
    const show = (v: number) => `${v.toFixed(3)} ms`;
    rows.push([
      what,
      `raw pg ${show(rawQ[metric])}`,
      show(inProcess[name][metric]),
      value,
      "≤ 1.5",
      value <= 1.5,
    ]);
  }

  log("");
  log(
    `${"what".padEnd(42)} ${"baseline".padEnd(22)} ${"value".padStart(10)} ${"ratio".padStart(6)} ${"target".padStart(8)}  result`,
  );
  for (const [what, base, value, r, target, pass] of rows)
    log(
      `${what.padEnd(42)} ${base.padEnd(22)} ${value.padStart(10)} ${r.toFixed(2).padStart(6)} ${target.padStart(8)}  ${pass ? "PASS" : "MISS"}`,
    );
}
