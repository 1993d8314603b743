// npm run db:seed — the demo workspace (created once; running it again changes nothing).
import { env } from "@/lib/env";
import { prepareDatabase } from "./lib/launch";
import { demoCredentials, describeCredentials } from "./lib/demo-credentials";

const database = await prepareDatabase(console.log);
try {
  const credentials = await demoCredentials();
  console.log(describeCredentials(credentials, env.APP_URL));
} finally {
  const { prisma } = await import("@/lib/db/prisma");
  await prisma.$disconnect();
  await database.release();
}
