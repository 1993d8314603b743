import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodes } from "@/lib/api/errors";
import { openApiDocument } from "@/lib/openapi/document";

// docs/api.md is written by hand: these checks keep it from forgetting what the API does.
const docs = readFileSync(path.resolve(import.meta.dirname, "../../docs/api.md"), "utf8");
const document = openApiDocument();

describe("docs/api.md", () => {
  const operations = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
    Object.keys(item as object).map((method) => `${method.toUpperCase()} ${route}`),
  );

  it.each(operations)("documents %s", (operation) => {
    expect(docs).toContain(`\`${operation}\``);
  });

  it.each(Object.keys(errorCodes))("documents the error code %s", (code) => {
    expect(docs).toContain(`\`${code}\``);
  });

  it("points to the OpenAPI document", () => {
    expect(docs).toContain("/api/v1/openapi.json");
  });
});
