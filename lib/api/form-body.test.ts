import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { parseFormBody } from "@/lib/api/form-body";

function bodyInvalid(text: string): ApiError {
  try {
    parseFormBody(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("body_invalid");
    return error as ApiError;
  }
  throw new Error(`expected body_invalid for ${JSON.stringify(text)}`);
}

describe("parseFormBody", () => {
  it("decodes like URLSearchParams: percent escapes, + as a space", () => {
    expect(parseFormBody("email=a%40b.co&name=Alice")).toEqual({ email: "a@b.co", name: "Alice" });
    expect(parseFormBody("name=Alice+Smith&note=1%2B1%3D2")).toEqual({ name: "Alice Smith", note: "1+1=2" });
    expect(parseFormBody("name=Zo%C3%AB&city=M%C3%BCnchen")).toEqual({ name: "Zoë", city: "München" });
    expect(parseFormBody("discount=50%&x=%zz")).toEqual({ discount: "50%", x: "%zz" });
    expect(parseFormBody("a=1&&b=x=y&")).toEqual({ a: "1", b: "x=y" });
    expect(parseFormBody("")).toEqual({});
  });

  it("reads an empty value, or no `=` at all, as null", () => {
    expect(parseFormBody("name=")).toEqual({ name: null });
    expect(parseFormBody("name")).toEqual({ name: null });
  });

  it("keeps values as strings", () => {
    expect(parseFormBody("archived=true&seats=3&ratio=0.5")).toEqual({
      archived: "true",
      seats: "3",
      ratio: "0.5",
    });
  });

  it("nests bracket paths into objects, never arrays", () => {
    expect(parseFormBody("metadata[plan]=pro&metadata[seats]=3")).toEqual({
      metadata: { plan: "pro", seats: "3" },
    });
    expect(parseFormBody("metadata=")).toEqual({ metadata: null });
    expect(parseFormBody("metadata[plan]=")).toEqual({ metadata: { plan: null } });
    const items = parseFormBody("items[0][email]=a%40b.co&items[1][name]=Bob");
    expect(items).toEqual({ items: { "0": { email: "a@b.co" }, "1": { name: "Bob" } } });
    expect(Array.isArray(items.items)).toBe(false);
    // Browsers and URLSearchParams percent-encode the brackets themselves.
    expect(parseFormBody("metadata%5Bplan%5D=pro")).toEqual({ metadata: { plan: "pro" } });
    expect(parseFormBody("items[0][metadata][plan]=pro")).toEqual({
      items: { "0": { metadata: { plan: "pro" } } },
    });
  });

  it("rejects a key given twice, naming it", () => {
    expect(bodyInvalid("a=1&a=2").param).toBe("a");
    expect(bodyInvalid("a=&a=").param).toBe("a");
    expect(bodyInvalid("metadata[plan]=a&metadata[plan]=b").param).toBe("metadata.plan");
  });

  it("rejects a key that is both a value and a map", () => {
    expect(bodyInvalid("metadata=x&metadata[a]=b").param).toBe("metadata");
    expect(bodyInvalid("metadata[a]=b&metadata=x").param).toBe("metadata");
    expect(bodyInvalid("metadata=&metadata[a]=b").param).toBe("metadata");
    expect(bodyInvalid("items[0][metadata]=x&items[0][metadata][a]=b").param).toBe("items.0.metadata");
  });

  it("rejects malformed brackets and empty keys", () => {
    for (const key of ["a[b", "a]", "a[]", "[a]", "a[b]c", "a[[b]]", "a[b][", "]"]) {
      expect(bodyInvalid(`${key}=1`).param).toBe(key);
    }
    expect(bodyInvalid("=1").param).toBeUndefined();
    expect(bodyInvalid("a=1&=2").message).toMatch(/empty name/);
  });

  it("rejects nesting deeper than 4 levels", () => {
    expect(parseFormBody("a[b][c][d]=1")).toEqual({ a: { b: { c: { d: "1" } } } });
    expect(bodyInvalid("a[b][c][d][e]=1").message).toMatch(/more than 4 levels/);
  });

  it("rejects percent-encoded bytes that are not UTF-8", () => {
    expect(bodyInvalid("name=%FF").param).toBe("name");
    expect(bodyInvalid("metadata[a]=%C3").param).toBe("metadata.a");
    bodyInvalid("%FF=1");
  });

  it("keeps __proto__, constructor and prototype as plain own data", () => {
    const parsed = parseFormBody("__proto__[polluted]=1&constructor[prototype][polluted]=2&prototype=3");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value).toEqual({ polluted: "1" });
    expect(parseFormBody("__proto__=x").__proto__).toBe("x");
    expect(bodyInvalid("__proto__=x&__proto__=y").param).toBe("__proto__");
  });

  it("reads back any record of simple keys that URLSearchParams encoded (property)", () => {
    const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,20}$/);
    const value = fc.string({ unit: "grapheme", minLength: 1 });
    fc.assert(
      fc.property(fc.dictionary(key, value), (record) => {
        expect(parseFormBody(new URLSearchParams(record).toString())).toEqual(record);
      }),
    );
  });

  it("returns an object or throws body_invalid for any text (property)", () => {
    const formish = fc.stringMatching(/^[a-z%[\]=&+0-9A-F_]{0,60}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), formish), (text) => {
        try {
          expect(typeof parseFormBody(text)).toBe("object");
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).code).toBe("body_invalid");
        }
      }),
      { numRuns: 500 },
    );
  });
});
