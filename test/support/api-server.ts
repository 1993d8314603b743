// The real app over real HTTP for API tests: `next start` (the production build that `npm test`
// makes first) on a free port, on this test file's fresh database.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { freePort } from "@/lib/db/embedded-postgres";
import { supervise, type SupervisedProcess } from "@/test/support/supervised-process";

export type ApiServer = SupervisedProcess & { url: string };

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
        // The tests' webhook receivers listen on this machine.
        WEBHOOK_PRIVATE_URLS: "allow",
        ...settings,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const server = await supervise(child, {
    readyUrl: `${url}/api/health`,
    timeoutMs: 60_000,
    killAfterMs: 5000,
    name: "next start",
  });
  return { url, ...server };
}
