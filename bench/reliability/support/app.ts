// The production build (`next start`) on a fixed loopback port, so a script can SIGKILL it and
// start it again where its clients already point. `npm run build` first.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { TEST_AUTH_SECRET } from "@/test/support/api-server";
import { supervise, type SupervisedProcess } from "@/test/support/supervised-process";

export type App = SupervisedProcess & { url: string; port: number };

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
      // The scripts' webhook receivers listen on this machine.
      WEBHOOK_PRIVATE_URLS: "allow",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `http://127.0.0.1:${options.port}`;
  const app = await supervise(child, {
    readyUrl: `${url}/api/${options.waitFor ?? "health"}`,
    timeoutMs: 120_000,
    killAfterMs: 10_000,
    name: "the app",
  });
  return { url, port: options.port, ...app };
}
