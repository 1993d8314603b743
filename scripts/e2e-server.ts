// The web server of `npm run test:e2e` (playwright.config.ts): a fresh database, migrated and
// seeded, then the production build (`next start`) on it. Dropped again when the run ends.
//
// Playwright stops its web server by signalling the server's whole process group. That would
// also stop an embedded PostgreSQL started here before the database could be dropped. So this
// process only starts a detached copy of itself (its own process group) and waits; the copy does
// the work and cleans up when this process goes away, however it ends.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { setDatabaseUrl } from "@/lib/env";
import { provideDatabase } from "@/lib/db/provide-database";
import { createTestDatabase } from "@/test/support/test-database";

const log = (line: string) => console.log(`[e2e-server] ${line}`);

if (!existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}

if (process.env.E2E_SERVER_DETACHED !== "1") {
  const copy = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, E2E_SERVER_DETACHED: "1" },
  });
  copy.on("exit", (code) => process.exit(code ?? 1));
  process.on("SIGTERM", () => process.exit(0));
  process.on("SIGINT", () => process.exit(0));
} else {
  await serve();
}

async function serve(): Promise<void> {
  const port = process.env.E2E_PORT ?? "3100";
  const cleanups: Array<() => Promise<unknown>> = [];
  let exiting = false;
  const exit = async (code: number) => {
    if (exiting) return;
    exiting = true;
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) =>
        log(`Cleanup failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    process.exit(code);
  };
  process.on("disconnect", () => void exit(0)); // the parent is gone
  process.on("SIGTERM", () => void exit(0));
  process.on("SIGINT", () => void exit(0));

  try {
    const testServerUrl = process.env.TEST_DATABASE_URL;
    const server = testServerUrl
      ? { url: testServerUrl, release: async () => {} }
      : await provideDatabase(log);
    cleanups.push(() => server.release());
    const db = await createTestDatabase(server.url, { prefix: "plugipay_e2e" });
    cleanups.push(() => db.drop());
    log(`Database ${db.name} created and migrated.`);

    setDatabaseUrl(db.url);
    const { seedDemoWorkspace } = await import("./seed/seed-demo-workspace");
    await seedDemoWorkspace();
    const { prisma } = await import("@/lib/db/prisma");
    await prisma.$disconnect();

    const next = spawn(
      process.execPath,
      [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", port],
      {
        stdio: "inherit",
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          AUTH_SECRET: randomBytes(32).toString("base64url"),
          PORT: port,
          APP_URL: `http://127.0.0.1:${port}`,
          NEXT_TELEMETRY_DISABLED: "1",
          NODE_ENV: "production",
          // The e2e tests' webhook receivers listen on this machine.
          WEBHOOK_PRIVATE_URLS: "allow",
          // Every e2e test signs up its own workspace from this one address.
          SIGN_UP_LIMIT_PER_CLIENT: "100000",
        },
      },
    );
    cleanups.push(() => stopChild(next));
    next.on("exit", (code) => void exit(code ?? 1));
  } catch (error) {
    console.error(error);
    await exit(1);
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
