// Vitest global setup: one PostgreSQL server for the whole run. `npm test` passes
// TEST_DATABASE_URL; a bare `npx vitest` provides DATABASE_URL's server or the embedded one.
import type { TestProject } from "vitest/node";
import { randomBytes } from "node:crypto";
import { provideDatabase } from "@/lib/db/provide-database";
import { dropDatabasesWithPrefix } from "@/test/support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    /** Prefix of every database this run creates, so the run can sweep up what a crash left. */
    testDatabasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const fromRunner = process.env.TEST_DATABASE_URL;
  const database = fromRunner ? undefined : await provideDatabase(() => {});
  const serverUrl = fromRunner ?? database!.url;
  const prefix = `plugipay_test_${randomBytes(3).toString("hex")}`;
  project.provide("databaseServerUrl", serverUrl);
  project.provide("testDatabasePrefix", prefix);
  return async () => {
    await dropDatabasesWithPrefix(serverUrl, prefix);
    await database?.release();
  };
}
