// npm run dev — database, migrations, demo workspace, then `next dev` on PORT (default 3000).
import { env } from "@/lib/env";
import { localAuthSecret, prepareDatabase, runNext } from "./lib/launch";
import { demoCredentials, describeCredentials } from "./lib/demo-credentials";

const log = (line: string) => console.log(`[plugipay] ${line}`);

const database = await prepareDatabase(log);
const credentials = await demoCredentials();
const { prisma } = await import("@/lib/db/prisma");
await prisma.$disconnect();
console.log(describeCredentials(credentials, env.APP_URL));

runNext(
  ["dev", "--port", String(env.PORT)],
  {
    DATABASE_URL: database.url,
    AUTH_SECRET: env.AUTH_SECRET ?? (await localAuthSecret()),
  },
  database,
);
