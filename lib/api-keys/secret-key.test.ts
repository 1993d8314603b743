import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSecretKey, hashSecretKey, secretKeyMode } from "@/lib/api-keys/secret-key";

describe("secret keys", () => {
  it("look like sk_<mode>_ plus 32 base62 characters and carry their mode", () => {
    for (const mode of ["live", "test"] as const) {
      const key = generateSecretKey(mode);
      expect(key).toMatch(new RegExp(`^sk_${mode}_[0-9A-Za-z]{32}$`));
      expect(secretKeyMode(key)).toBe(mode);
    }
  });

  it("use the whole alphabet evenly enough (no modulo bias toward low characters)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++)
      for (const c of generateSecretKey("test").slice(8)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const values = [...counts.values()];
    // 64,000 draws over 62 symbols: ~1032 each; a biased generator skews some by ~2x.
    expect(Math.max(...values) / Math.min(...values)).toBeLessThan(1.4);
  });

  it("hash to 64 hex characters, differently for different keys", () => {
    const a = generateSecretKey("live");
    const b = generateSecretKey("live");
    expect(hashSecretKey(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecretKey(a)).toBe(hashSecretKey(a));
    expect(hashSecretKey(a)).not.toBe(hashSecretKey(b));
  });

  it("secretKeyMode recognises nothing but well-formed keys (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const mode = secretKeyMode(text);
        if (mode) expect(text).toMatch(/^sk_(live|test)_[0-9A-Za-z]{32}$/);
      }),
    );
    expect(secretKeyMode("sk_prod_" + "a".repeat(32))).toBeUndefined();
    expect(secretKeyMode("sk_live_" + "a".repeat(31))).toBeUndefined();
  });
});
