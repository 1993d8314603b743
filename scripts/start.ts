// npm start — database, migrations, then `next start` (run `npm run build` first).
import { existsSync } from "node:fs";
import { env } from "@/lib/env";
import { localAuthSecret, prepareDatabase, runNext } from "./lib/launch";

const log = (line: string) => console.log(`[plugipay] ${line}`);

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
// A deployment (an external DATABASE_URL) must bring its own AUTH_SECRET; a local run of the
// production build on the embedded database may use the development one.
if (!env.AUTH_SECRET && env.DATABASE_URL) {
  console.error("AUTH_SECRET is required in production (a long random string that signs sessions).");
  process.exit(1);
}
const authSecret = env.AUTH_SECRET ?? (await localAuthSecret());
const database = await prepareDatabase(log);
runNext(
  ["start", "--port", String(env.PORT)],
  { DATABASE_URL: database.url, AUTH_SECRET: authSecret },
  database,
);
