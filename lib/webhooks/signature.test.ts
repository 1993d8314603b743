import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newSigningSecret, signatureHeader, verifySignature } from "@/lib/webhooks/signature";

const now = 1_790_000_000;

describe("webhook signatures", () => {
  it("matches an HMAC-SHA256 computed independently (the documented recipe)", () => {
    // echo -n '1790000000.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader("whsec_test", '{"id":"evt_1"}', now)).toBe(
      "t=1790000000,v1=e32657f3e678d33b41ec084c16ac0e125d25480a06cb3902286dc5942c6fd259",
    );
  });

  it("verifies what it signs, for any body and secret", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ minLength: 1 }), (body, secret) => {
        expect(verifySignature(signatureHeader(secret, body, now), body, secret, { now })).toBe(true);
      }),
    );
  });

  it("rejects any change to the body, the secret or the timestamp", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.integer({ min: 1, max: 200 }),
        (body, other, secret, shift) => {
          const header = signatureHeader(secret, body, now);
          if (other !== body) expect(verifySignature(header, other, secret, { now })).toBe(false);
          expect(verifySignature(header, body, `${secret}x`, { now })).toBe(false);
          const moved = header.replace(`t=${now}`, `t=${now + shift}`);
          expect(verifySignature(moved, body, secret, { now })).toBe(false);
        },
      ),
    );
  });

  it("rejects an old signature, garbage headers and foreign schemes", () => {
    const header = signatureHeader("whsec_a", "{}", now - 301);
    expect(verifySignature(header, "{}", "whsec_a", { now })).toBe(false);
    expect(verifySignature(header, "{}", "whsec_a", { now, toleranceSeconds: 400 })).toBe(true);
    for (const bad of ["", "t=,v1=", "v1=abc", `t=${now}`, `t=${now},v0=${"a".repeat(64)}`, "garbage"])
      expect(verifySignature(bad, "{}", "whsec_a", { now }), bad).toBe(false);
  });

  it("accepts the header when several v1 signatures are present and one matches", () => {
    const header = signatureHeader("whsec_new", "{}", now);
    const both = `${header},v1=${"0".repeat(64)}`;
    expect(verifySignature(both, "{}", "whsec_new", { now })).toBe(true);
  });

  it("makes 256-bit secrets prefixed whsec_", () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSigningSecret()).not.toBe(secret);
  });
});
