import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, type CursorPosition } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";

const options = { secret: "cursor-test-secret", scope: "ws_01JDQ4W3Y2ABCDEFGHJKMNPQRS:test:-createdAt" };

// Strings of any code points, lone surrogates included; short enough that 4 values fit a token.
const text = fc.string({ unit: "binary", maxLength: 40 });
const value = fc.oneof(
  text,
  fc.constant(null),
  fc.integer(),
  // JSON has no -0: it comes back as 0, which is the same sort position.
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
);
const position: fc.Arbitrary<CursorPosition> = fc.record({
  values: fc.array(value, { maxLength: 4 }),
  id: fc.string({ unit: "binary", maxLength: 32 }),
});
const sample: CursorPosition = { values: ["2026-11-24T10:00:00.000Z", "Zoë", null, 3], id: "cus_01JDQ4W3Y2" };

function expectCursorInvalid(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("cursor_invalid");
    expect((error as ApiError).param).toBe("cursor");
    return;
  }
  throw new Error("expected cursor_invalid, but decoding succeeded");
}

describe("cursor codec", () => {
  it("round-trips any position (property)", () => {
    fc.assert(
      fc.property(position, (p) => {
        const token = encodeCursor(p, options);
        expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
        expect(decodeCursor(token, options)).toEqual(p);
      }),
    );
  });

  it("rejects any single-character change to a token (property)", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ é";
    fc.assert(
      fc.property(
        position,
        fc.nat(),
        fc.constantFrom(...alphabet),
        fc.constantFrom("replace", "insert", "delete"),
        (p, at, char, edit) => {
          const token = encodeCursor(p, options);
          const i = at % token.length;
          const changed =
            edit === "replace"
              ? token.slice(0, i) + char + token.slice(i + 1)
              : edit === "insert"
                ? token.slice(0, i) + char + token.slice(i)
                : token.slice(0, i) + token.slice(i + 1);
          fc.pre(changed !== token);
          expectCursorInvalid(() => decodeCursor(changed, options));
        },
      ),
    );
  });

  it("rejects a cursor from another scope (workspace, mode or sort)", () => {
    const token = encodeCursor(sample, options);
    for (const scope of [
      "ws_01JDQ4W3Y2ABCDEFGHJKMNPQRT:test:-createdAt",
      "ws_01JDQ4W3Y2ABCDEFGHJKMNPQRS:live:-createdAt",
      "ws_01JDQ4W3Y2ABCDEFGHJKMNPQRS:test:createdAt",
    ]) {
      expectCursorInvalid(() => decodeCursor(token, { ...options, scope }));
    }
  });

  it("rejects a cursor signed with another secret", () => {
    const token = encodeCursor(sample, { ...options, secret: "another-secret" });
    expectCursorInvalid(() => decodeCursor(token, options));
  });

  it("rejects a validly signed payload that is not exactly a position", () => {
    // Sign arbitrary JSON the way the codec does, to reach the shape checks behind the MAC.
    const forge = (json: string) => {
      const payload = Buffer.from(json).toString("base64url");
      const mac = createHmac("sha256", options.secret)
        .update(`${options.scope}.${payload}`)
        .digest()
        .subarray(0, 18)
        .toString("base64url");
      return `${payload}.${mac}`;
    };
    expect(decodeCursor(forge('{"values":["a"],"id":"x"}'), options)).toEqual({ values: ["a"], id: "x" });
    for (const json of [
      "[]",
      "null",
      '"x"',
      "{",
      '{"values":["a"]}',
      '{"values":["a"],"id":1}',
      '{"values":[true],"id":"x"}',
      '{"values":[{}],"id":"x"}',
      '{"values":[1e999],"id":"x"}',
      '{"values":[1,2,3,4,5],"id":"x"}',
      `{"values":[],"id":"${"x".repeat(65)}"}`,
      '{"values":[],"id":"x","extra":1}',
      '{"values":[],"id":"x","__proto__":{}}',
    ]) {
      expectCursorInvalid(() => decodeCursor(forge(json), options));
    }
  });

  it("rejects overlong tokens before doing any work", () => {
    expectCursorInvalid(() => decodeCursor("a".repeat(2049) + ".b", options));
  });

  it("only ever throws cursor_invalid for garbage (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (garbage) => {
        expectCursorInvalid(() => decodeCursor(garbage, options));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,200}\.[A-Za-z0-9_-]{1,40}$/), (garbage) => {
        expectCursorInvalid(() => decodeCursor(garbage, options));
      }),
    );
  });

  it("refuses to encode a position it could not decode", () => {
    expect(() => encodeCursor({ values: [1, 2, 3, 4, 5], id: "x" }, options)).toThrow(TypeError);
    expect(() => encodeCursor({ values: [Number.NaN], id: "x" }, options)).toThrow(TypeError);
    expect(() => encodeCursor({ values: [], id: "x".repeat(65) }, options)).toThrow(TypeError);
    expect(() => encodeCursor({ values: ["\u{1F600}".repeat(500)], id: "x" }, options)).toThrow(RangeError);
  });
});
