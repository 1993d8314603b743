// The real app over real HTTP for API tests: `next start` (the production build that `npm test`
// makes first) on a free port, on this test file's fresh database.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { freePort } from "@/lib/db/embedded-postgres";

export type ApiServer = {
  url: string;
  /** The `next start` process (benchmarks sample its memory). */
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, as in a crash (no shutdown handlers run). */
  kill(): Promise<void>;
  /** What the process printed so far. */
  output(): string;
};

export const TEST_AUTH_SECRET = "test-auth-secret-for-cursors-and-sessions";

/** `nodeArgs` go to node itself, before Next's script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
export async function startApiServer(
  settings: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ApiServer> {
  if (!existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    throw new Error("API tests run against the production build: run `npm run build` first (npm test does).");
  }
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: env.DATABASE_URL,
        AUTH_SECRET: TEST_AUTH_SECRET,
        RATE_LIMIT_LIVE: "0",
        RATE_LIMIT_TEST: "0",
        LOG_LEVEL: "warn",
        ...settings,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => output);
  return {
    url,
    pid: child.pid!,
    stop: () => stop(child),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
    output: () => output,
  };
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill("SIGKILL");
  throw new Error(`next start did not answer within 60 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
