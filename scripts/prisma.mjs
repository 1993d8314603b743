// Runs a Prisma CLI command that needs no schema engine (generate, format, validate).
// The CLI would otherwise first download its native schema engine, which these machines cannot
// reach; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing executable skips that download.
// (Migrations are applied by lib/db/migrate.ts instead: docs/decisions.md.)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const stub = ["/bin/true", "/usr/bin/true"].find((path) => existsSync(path));
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && stub) env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";

const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
