// What `npm run dev` and `npm start` share: a database (DATABASE_URL or the embedded one),
// migrations applied, an AUTH_SECRET, and Next started as a child that inherits them.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env, setDatabaseUrl } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { provideDatabase, type ProvidedDatabase } from "@/lib/db/provide-database";

export const DATA_DIR = path.resolve(env.PLUGIPAY_DATA_DIR ?? ".data");

export async function prepareDatabase(log: (line: string) => void): Promise<ProvidedDatabase> {
  const database = await provideDatabase(log);
  try {
    const { applied } = await migrate(database.url, { log });
    if (!applied.length) log("Database schema is up to date.");
  } catch (error) {
    await database.release();
    throw error;
  }
  setDatabaseUrl(database.url);
  return database;
}

/** A development secret made once and kept in .data/, so sessions survive restarts. */
export async function localAuthSecret(): Promise<string> {
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Runs `next <args>` with the prepared environment; stops the embedded database after it. */
export function runNext(args: string[], childEnv: Record<string, string>, database: ProvidedDatabase): void {
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), ...args], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...childEnv },
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  child.on("exit", async (code, signal) => {
    await database.release().catch(() => {});
    process.exit(code ?? (signal ? 0 : 1));
  });
}
