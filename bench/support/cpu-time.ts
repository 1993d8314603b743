// CPU time that processes of this machine have used, read from /proc (Linux; elsewhere undefined).
// The read bench uses it to split each scenario's cost between the app server, PostgreSQL and the
// load generator: on a shared 2-core machine they compete for the same cores, and CPU per request
// moves far less with a neighbour's load than throughput does.
import { readdirSync, readFileSync } from "node:fs";

const MS_PER_TICK = 10; // USER_HZ: 100 on every Linux this runs on

type Stat = { ppid: number; ownMs: number; reapedChildrenMs: number };

function stat(pid: number): Stat | undefined {
  try {
    // Fields after "(comm) ": state ppid … utime(12) stime(13) cutime(14) cstime(15), 1-based from
    // state. The last ") ": a command name may hold one (next start's is "next-server (v16…)").
    const line = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = line.slice(line.lastIndexOf(") ") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      ownMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK,
      reapedChildrenMs: (Number(fields[13]) + Number(fields[14])) * MS_PER_TICK,
    };
  } catch {
    return undefined;
  }
}

/**
 * CPU milliseconds used so far by `pid` and its children, living or ended (an ended child's time is
 * in its parent's once reaped, as PostgreSQL's postmaster reaps its backends). Undefined without /proc.
 */
export function cpuMsOfTree(pid: number): number | undefined {
  const root = stat(pid);
  if (!root) return undefined;
  let total = root.ownMs + root.reapedChildrenMs;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === pid) total += child.ownMs;
  }
  return total;
}

/** CPU milliseconds each process spent; undefined where /proc or the process is not there. */
export type CpuSplit = { app?: number; postgres?: number; client: number };

/**
 * What `run` cost the app server (`app`'s pid), PostgreSQL (its postmaster's pid, for the embedded
 * server) and this process (the load generator), each with its children.
 */
export async function cpuDuring(
  pids: { app: number; postgres?: number },
  run: () => Promise<unknown>,
): Promise<CpuSplit> {
  const now = () => ({
    app: cpuMsOfTree(pids.app),
    postgres: pids.postgres === undefined ? undefined : cpuMsOfTree(pids.postgres),
    client: process.cpuUsage(),
  });
  const before = now();
  await run();
  const after = now();
  const used = process.cpuUsage(before.client);
  const delta = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);
  return {
    app: delta(before.app, after.app),
    postgres: delta(before.postgres, after.postgres),
    client: (used.user + used.system) / 1000,
  };
}

/** `total` plus `more`; a part unknown in either stays unknown. */
export function addCpu(total: CpuSplit, more: CpuSplit): CpuSplit {
  const sum = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a + b);
  return {
    app: sum(total.app, more.app),
    postgres: sum(total.postgres, more.postgres),
    client: total.client + more.client,
  };
}

/** `total` spread over `requests`; a part unknown stays unknown. */
export function perRequest(total: CpuSplit, requests: number): CpuSplit {
  const per = (value?: number) => (value === undefined ? undefined : value / requests);
  return { app: per(total.app), postgres: per(total.postgres), client: total.client / requests };
}
