// Vitest global setup: one PostgreSQL server for the whole run. `npm test` passes
// TEST_DATABASE_URL; a bare `npx vitest` provides DATABASE_URL's server or the embedded one.
import type { TestProject } from "vitest/node";
import { provideDatabase } from "@/lib/db/provide-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const fromRunner = process.env.TEST_DATABASE_URL;
  const database = fromRunner ? undefined : await provideDatabase(() => {});
  project.provide("databaseServerUrl", fromRunner ?? database!.url);
  return async () => {
    await database?.release();
  };
}
