// A second, independent PostgreSQL server for the "external DATABASE_URL" tests: Debian's
// PostgreSQL binaries when the machine has them (a different major version than the embedded
// one), else a second embedded instance in a temporary folder on a free port.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export type SecondServer = { url: string; kind: string; stop(): Promise<void> };

function debianBinaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin/initdb")))
    .sort()
    .pop();
  return version ? path.join(root, version, "bin") : undefined;
}

const asRoot = process.getuid?.() === 0;

function runAsPostgres(command: string, args: string[]): void {
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

export async function startSecondServer(): Promise<SecondServer> {
  const bin = debianBinaries();
  const postgresUserExists = !asRoot || spawnSync("id", ["postgres"]).status === 0;
  if (bin && postgresUserExists) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "plugipay-second-pg-"));
    await chmod(dir, 0o777);
    const dataDir = path.join(dir, "data");
    const port = await freePort();
    runAsPostgres(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
    runAsPostgres(path.join(bin, "pg_ctl"), [
      "-D",
      dataDir,
      "-w",
      "-l",
      path.join(dataDir, "log"),
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      "start",
    ]);
    const version = execFileSync(path.join(bin, "postgres"), ["--version"], { encoding: "utf8" }).trim();
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      kind: version,
      async stop() {
        runAsPostgres(path.join(bin, "pg_ctl"), ["-D", dataDir, "-w", "-m", "fast", "stop"]);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "plugipay-second-embedded-"));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ baseDir: dir, preferredPort: await freePort() });
  return {
    url: server.url,
    kind: "embedded",
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
