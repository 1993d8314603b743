// DATABASE_URL when it is set; otherwise the embedded PostgreSQL under .data/.
import path from "node:path";
import { env } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";

export type ProvidedDatabase = {
  url: string;
  /** Set when the database is the embedded one. */
  embedded?: EmbeddedServer;
  /** Stops the embedded server if this process started it; otherwise does nothing. */
  release(): Promise<void>;
};

export async function provideDatabase(log: (line: string) => void = console.log): Promise<ProvidedDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, release: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    baseDir: path.resolve(env.PLUGIPAY_DATA_DIR ?? ".data"),
    preferredPort: env.EMBEDDED_POSTGRES_PORT,
    log,
  });
  return { url: embedded.url, embedded, release: () => embedded.stop() };
}
