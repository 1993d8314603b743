import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailField, metadataField, nameField, normalizeText, phoneField } from "@/lib/customers/fields";

describe("normalizeText", () => {
  it("is NFC, trimmed, and null when empty (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const result = normalizeText(text);
        if (result === null) expect(text.normalize("NFC").trim()).toBe("");
        else {
          expect(result).toBe(result.normalize("NFC"));
          expect(result).toBe(result.trim());
          expect(result.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe("emailField", () => {
  it.each(["alice@example.com", "Alice.Smith+tag@mail.example.net", "üser@exämple.de", "o'brien@example.ie"])(
    "accepts %s",
    (email) => expect(emailField.safeParse(email).success).toBe(true),
  );
  it.each(["plain", "a@b", "a b@c.de", "a@@b.co", ".a@b.co", "a.@b.co", "a..b@c.de", "a@b.c", "a@-b.co"])(
    "refuses %s",
    (email) => expect(emailField.safeParse(email).success).toBe(false),
  );
  it("never accepts whitespace or a missing @ (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = emailField.safeParse(text);
        if (result.success && result.data !== null) {
          expect(result.data).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
        }
      }),
    );
  });
});

describe("phoneField", () => {
  it("needs at least 4 digits among digits, spaces and + - ( ) (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const result = phoneField.safeParse(text);
        const normalized = text.normalize("NFC").trim();
        const expected =
          normalized === "" ||
          (normalized.length <= 32 &&
            /^[0-9 +\-()]+$/.test(normalized) &&
            (normalized.match(/\d/g)?.length ?? 0) >= 4);
        expect(result.success).toBe(expected);
      }),
    );
  });
});

describe("nameField", () => {
  it("takes any Unicode up to 256 characters", () => {
    expect(nameField.parse("山田 太郎 😀")).toBe("山田 太郎 😀");
    expect(nameField.safeParse("x".repeat(257)).success).toBe(false);
  });
});

describe("metadataField", () => {
  it("accepts exactly the maps the contract allows (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 45 }), fc.oneof(fc.string({ maxLength: 520 }), fc.integer()), {
          maxKeys: 55,
        }),
        (map) => {
          const entries = Object.entries(map);
          const valid =
            entries.length <= 50 &&
            entries.every(
              ([k, v]) =>
                k.length >= 1 &&
                k.length <= 40 &&
                !/[[\]]/.test(k) &&
                typeof v === "string" &&
                v.length <= 500,
            );
          const result = metadataField.safeParse(map);
          expect(result.success).toBe(valid);
          if (result.success) expect(result.data).toEqual(map);
          else expect(["", ...Object.keys(map)]).toContain(result.error.issues[0].path.map(String).join("."));
        },
      ),
    );
  });
  it("keeps values exactly as sent and treats null as a wipe", () => {
    expect(metadataField.parse({ k: "  spaced  " })).toEqual({ k: "  spaced  " });
    expect(metadataField.parse(null)).toBeNull();
  });
});
