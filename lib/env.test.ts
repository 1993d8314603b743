import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("has the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      APP_URL: "http://localhost:3000",
      LOG_LEVEL: "info",
      RATE_LIMIT_LIVE: 100,
      RATE_LIMIT_TEST: 25,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("derives APP_URL from PORT and treats empty strings as unset", () => {
    const env = parseEnv({ PORT: "4000", DATABASE_URL: "  " });
    expect(env.APP_URL).toBe("http://localhost:4000");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the bad setting", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/^Invalid configuration: PORT: /);
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(() => parseEnv({ RATE_LIMIT_LIVE: "-1" })).toThrow(/RATE_LIMIT_LIVE/);
  });
});
