// Prisma's schema engine, compiled to WebAssembly, used only where it needs no database:
// the SQL that turns one datamodel into another. Prisma's CLI would download a native engine
// for this, which these machines cannot reach (docs/decisions.md, "Migrations").
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
};

const engines = new Map<string, Promise<Engine>>();

async function loadEngine(databaseUrl: string): Promise<Engine> {
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(pathToFileURL(bindingsPath).href);
  const bytes = await readFile(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  // The engine insists on a connected adapter even though a diff between two datamodels
  // reads nothing from it; any reachable PostgreSQL will do.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  return bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

export type DatamodelSource = { path: string; content: string } | "empty";

function target(source: DatamodelSource) {
  return source === "empty"
    ? { tag: "empty" }
    : { tag: "schemaDatamodel", files: [{ path: source.path, content: source.content }] };
}

/** The SQL script that migrates a database from one datamodel to another ("" when equal). */
export async function diffDatamodels(
  from: DatamodelSource,
  to: DatamodelSource,
  databaseUrl: string,
): Promise<string> {
  if (!engines.has(databaseUrl)) engines.set(databaseUrl, loadEngine(databaseUrl));
  const engine = await engines.get(databaseUrl)!;
  const result = await engine.diff({
    from: target(from),
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}
