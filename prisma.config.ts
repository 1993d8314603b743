// Configuration for the Prisma CLI (generate; migrate deploy where the native engine exists).
// The app itself reads DATABASE_URL through lib/env.ts; migrations run through lib/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/plugipay" },
});
