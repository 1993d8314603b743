import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { GENERATED_TYPES_PATH, generatedTypes } from "./sdk-types";

describe("the SDK's generated types", () => {
  it("are exactly what the API's OpenAPI document gives (run `npm run sdk:generate` after a schema change)", async () => {
    const committed = await readFile(GENERATED_TYPES_PATH, "utf8");
    expect(committed === (await generatedTypes()), "sdk/src/generated/openapi.ts is stale").toBe(true);
  });
});
