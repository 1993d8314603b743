// Per test file: a fresh, migrated database, made the app's database (lib/env) before the test
// file imports anything that connects, and dropped after the file.
import { afterAll, inject } from "vitest";
import { setDatabaseUrl } from "@/lib/env";
import { createTestDatabase } from "@/test/support/test-database";

const database = await createTestDatabase(inject("databaseServerUrl"), {
  prefix: inject("testDatabasePrefix"),
});
setDatabaseUrl(database.url);

afterAll(async () => {
  const { prisma } = await import("@/lib/db/prisma");
  await prisma.$disconnect();
  await database.drop();
});
