// The production build (`next start`) on a fixed loopback port, so a script can SIGKILL it and
// start it again where its clients already point. `npm run build` first.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { TEST_AUTH_SECRET } from "@/test/support/api-server";

export type App = {
  url: string;
  port: number;
  pid: number;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after 10 s; resolves with how long the exit took. */
  stop(): Promise<number>;
  /** SIGKILL: a crash, no shutdown handlers. */
  kill(): Promise<void>;
  output(): string;
};

export function assertBuilt(): void {
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    throw new Error("The reliability scripts run against the production build: run `npm run build` first.");
  }
}

/** `next start` directly, or `scripts/start.ts` (what `npm start` runs: migrations, then next start). */
export async function startApp(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  launcher?: "next" | "npm-start";
  waitFor?: "health" | "ready";
}): Promise<App> {
  assertBuilt();
  const command =
    options.launcher === "npm-start"
      ? [path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"]]
      : [
          process.execPath,
          [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(options.port)],
        ];
  const child = spawn(command[0] as string, command[1] as string[], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: TEST_AUTH_SECRET,
      RATE_LIMIT_LIVE: "0",
      RATE_LIMIT_TEST: "0",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilUp(`${url}/api/${options.waitFor ?? "health"}`, child, () => output);
  return {
    url,
    port: options.port,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
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
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`the app did not answer ${url} within 120 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<number> {
  const started = Date.now();
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(0);
  return new Promise((resolve) => {
    child.once("exit", () => resolve(Date.now() - started));
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}
