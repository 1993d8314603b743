// Checks, latency summaries and the PASS/FAIL verdict every script ends with.

export type Check = { name: string; ok: boolean; detail: string };

export class Verdict {
  readonly checks: Check[] = [];

  constructor(private readonly script: string) {}

  check(name: string, ok: boolean, detail = ""): boolean {
    this.checks.push({ name, ok, detail });
    console.log(`  ${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
    return ok;
  }

  /** Prints the verdict and sets the exit code; returns whether everything passed. */
  finish(): boolean {
    const failed = this.checks.filter((check) => !check.ok);
    console.log(
      failed.length
        ? `\n${this.script}: FAIL (${failed.length} of ${this.checks.length} checks failed: ${failed.map((c) => c.name).join("; ")})`
        : `\n${this.script}: PASS (${this.checks.length} checks)`,
    );
    if (failed.length) process.exitCode = 1;
    return !failed.length;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function latencySummary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(0)} ms`;
  return `p50 ${f(percentile(sorted, 50))}  p90 ${f(percentile(sorted, 90))}  p99 ${f(percentile(sorted, 99))}  max ${f(sorted.at(-1) ?? 0)}`;
}

/** Counts of a list by a key, as "201×12, 503×3". */
export function tally<T>(items: T[], key: (item: T) => string | number): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(String(key(item)), (counts.get(String(key(item))) ?? 0) + 1);
  return (
    [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k}×${n}`)
      .join(", ") || "none"
  );
}

/** `--quick` anywhere in argv: a short run that still exercises every check. */
export const quick = process.argv.includes("--quick");

export function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
