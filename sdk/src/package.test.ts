// The package as integrators get it: compiled by `tsc -p sdk/tsconfig.build.json` (ESM and
// declarations, no Node types), then imported by plain Node with no TypeScript in sight.
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let out: string;

beforeAll(() => {
  return (async () => {
    out = await mkdtemp(path.join(tmpdir(), "plugipay-sdk-"));
    execFileSync(
      path.resolve("node_modules/.bin/tsc"),
      ["-p", "sdk/tsconfig.build.json", "--outDir", path.join(out, "dist")],
      { stdio: "pipe" },
    );
    await writeFile(path.join(out, "package.json"), JSON.stringify({ type: "module" }));
  })();
}, 120_000);

afterAll(() => rm(out, { recursive: true, force: true }));

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the built package", () => {
  it("is ESM with declarations, and imports nothing: no node: modules, no dependencies", async () => {
    const built = await files(path.join(out, "dist"));
    expect(built.some((file) => file.endsWith("index.d.ts"))).toBe(true);
    for (const file of built.filter((name) => name.endsWith(".js"))) {
      const source = await readFile(file, "utf8");
      const imports = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)].map(
        (match) => match[1],
      );
      expect(source).not.toMatch(/^import\s+"/m);
      expect(
        imports.every((specifier) => specifier.startsWith("./") || specifier.startsWith("../")),
        file,
      ).toBe(true);
      expect(source).not.toMatch(/\brequire\(/);
    }
    const manifest = JSON.parse(await readFile("sdk/package.json", "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.type).toBe("module");
  });

  it("runs in plain Node: a client, its errors, and a connection failure reported as ApiConnectionError", () => {
    const script = `
      import { Plugipay, ApiConnectionError, PlugipayError } from "./dist/index.js";
      const plugipay = new Plugipay("sk_test_123", { baseUrl: "http://127.0.0.1:9", maxRetries: 0, timeoutMs: 2000 });
      try {
        await plugipay.customers.list({ limit: 1 });
        console.log("no error");
      } catch (error) {
        console.log(error instanceof ApiConnectionError && error instanceof PlugipayError ? "ok" : String(error));
      }`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: out,
      encoding: "utf8",
    });
    expect(output.trim()).toBe("ok");
  });
});
