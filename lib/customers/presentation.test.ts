import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  avatarColor,
  avatarInitials,
  avatarPalette,
  displayName,
  formatShortDate,
} from "@/lib/customers/presentation";
import { newId } from "@/lib/ids";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemesOf = (text: string) => [...segmenter.segment(text)].map(({ segment }) => segment);

const byName = (name: string | null) => avatarInitials({ name, email: null });
const byEmail = (email: string | null) => avatarInitials({ name: null, email });

describe("displayName", () => {
  it("is the name, or the id when there is no name", () => {
    expect(displayName({ id: "cus_01", name: "Alice Smith" })).toBe("Alice Smith");
    expect(displayName({ id: "cus_01", name: null })).toBe("cus_01");
    expect(displayName({ id: "cus_01", name: "   " })).toBe("cus_01");
    expect(displayName({ id: "cus_01", name: " Cher " })).toBe("Cher");
  });
});

describe("avatarInitials", () => {
  it.each([
    // The spec's examples.
    ["alice smith", "AS"],
    ["Mary Jane Watson", "MW"],
    ["Cher", "C"],
    // Extra whitespace of any kind.
    ["  alice   smith  ", "AS"],
    ["alice\tsmith\n", "AS"],
    ["alice\u00a0smith", "AS"],
    // Accents, precomposed and decomposed (the mark stays with its letter).
    ["élodie dupont", "ÉD"],
    ["e\u0301mile zola", "E\u0301Z"],
    ["Zoë Saldaña", "ZS"],
    // Other scripts.
    ["山田 太郎", "山太"],
    ["山田\u3000太郎", "山太"],
    ["Ольга Петрова", "ОП"],
    ["محمد العلي", "ما"],
    ["김 민준", "김민"],
    ["김민준", "김"],
    ["\u1100\u1161\u11a8 \u1106\u1175\u11ab", "\u1100\u1161\u11a8\u1106\u1175\u11ab"],
    ["ἀλέξης παπαδόπουλος", "ἈΠ"],
    ["άννα Βλάχου", "ΆΒ"],
    // Emoji: single, ZWJ sequence, flag, skin tone.
    ["🦄", "🦄"],
    ["👩‍💻 Ada Lovelace", "👩‍💻L"],
    ["🇮🇩 Budi", "🇮🇩B"],
    ["🇮🇩🇯🇵", "🇮🇩"],
    ["hi 👋🏽", "H👋🏽"],
    // Punctuation never stands for a word; a word's initial is its first letter, digit or emoji.
    ["<b>Not bold</b> & Co.", "BC"],
    ["(Bob) Smith", "BS"],
    ["Jean-Paul Sartre", "JS"],
    ["Smith & Jones", "SJ"],
    ["3M Company", "3C"],
    // An uppercase that would be two graphemes keeps the original; no locale-specific mapping.
    ["ßtraße weg", "ßW"],
    ["istanbul", "I"],
  ])("%s → %s", (name, initials) => expect(byName(name)).toBe(initials));

  it.each([
    ["alice.smith@x.com", "AS"],
    ["alice_smith@x.com", "AS"],
    ["alice-smith@x.com", "AS"],
    ["alice+smith@x.com", "AS"],
    ["bob@x.com", "B"],
    ["a.b.c@x.com", "AC"],
    ["..bob..@x.com", "B"],
    ["élodie.dupont@x.fr", "ÉD"],
    ["bob@smith.example", "B"],
  ])("email %s → %s", (email, initials) => expect(byEmail(email)).toBe(initials));

  it("prefers the name over the email", () => {
    expect(avatarInitials({ name: "Cher", email: "alice.smith@x.com" })).toBe("C");
  });

  it("falls back to the email when the name is blank or has no letters", () => {
    expect(avatarInitials({ name: "   ", email: "alice.smith@x.com" })).toBe("AS");
    expect(avatarInitials({ name: "&", email: "bob@x.com" })).toBe("B");
  });

  it("is null with neither a usable name nor email", () => {
    expect(avatarInitials({ name: null, email: null })).toBeNull();
    expect(avatarInitials({ name: "", email: "" })).toBeNull();
    expect(avatarInitials({ name: " - ", email: "+++@x.com" })).toBeNull();
    expect(avatarInitials({ name: null, email: "@x.com" })).toBeNull();
  });

  it("never leaves a combining mark dangling after a separator", () => {
    expect(byName("a \u0301b")).toBe("AB");
    expect(byName("\u0301")).toBeNull();
    expect(byEmail("a.\u0301b@x.com")).toBe("AB");
    expect(byName("\ufe0f\u0e33 x")).toBe("X");
  });

  it("keeps only the first initial when the two would fuse into one grapheme or regroup", () => {
    expect(byName("🇮 🇩")).toBe("🇮");
    expect(byName("\u1100 \u1161")).toBe("\u1100");
    expect(byName("🇩 🇩🇮")).toBe("🇩"); // side by side: 🇩🇩 + 🇮
  });

  // Pieces that stress grapheme boundaries, mixed with arbitrary UTF-16 (lone surrogates included).
  const tricky = fc.constantFrom(
    ..." |\u00a0|.|_|-|+|@|&|\u0301|\u200d|\ufe0f|\u0e33|🏽|🇮|🇩|👩|💻|ß|ŉ|ﬁ|i|e|Ω|山|ا|\u0600|\u1100|\u1161|\ud800|\udc00".split(
      "|",
    ),
  );
  const text = fc.oneof(
    fc.string({ unit: "grapheme" }),
    fc.string({
      unit: fc.oneof(
        tricky,
        fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      ),
    }),
  );

  it("is null or 1–2 whole graphemes of the input, uppercased (property)", () => {
    fc.assert(
      fc.property(fc.option(text), fc.option(text), (name, email) => {
        const initials = avatarInitials({ name, email });
        if (initials === null) return;
        const result = graphemesOf(initials);
        expect(result.length).toBeGreaterThanOrEqual(1);
        expect(result.length).toBeLessThanOrEqual(2);
        expect(initials).not.toMatch(/\p{Cs}/u);
        const source = [...graphemesOf(name ?? ""), ...graphemesOf(email?.split("@")[0] ?? "")];
        for (const grapheme of result) {
          expect(grapheme).not.toMatch(/^\p{M}/u);
          expect(source.some((g) => g === grapheme || g.toUpperCase() === grapheme)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("avatarInitials' printable-ASCII shortcut", () => {
  // The rule as written before the shortcut: every text through Intl.Segmenter.
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const split = (text: string) => Array.from(segmenter.segment(text), ({ segment }) => segment);
  const wordCharacter = /^[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
  function segmented(text: string, isSeparator: (grapheme: string) => boolean): string | null {
    const initials: string[] = [];
    let inWord = false;
    for (const segment of split(text)) {
      if (isSeparator(segment)) inWord = false;
      else if (!inWord && wordCharacter.test(segment)) {
        initials.push(segment);
        inWord = true;
      }
    }
    if (initials.length === 0) return null;
    const upper = (g: string) => (split(g.toUpperCase()).length === 1 ? g.toUpperCase() : g);
    const first = upper(initials[0]);
    if (initials.length === 1) return first;
    const both = first + upper(initials[initials.length - 1]);
    const parts = split(both);
    return parts.length === 2 && parts[0] === first ? both : first;
  }
  function reference(customer: { name: string | null; email: string | null }): string | null {
    const fromName = customer.name ? segmented(customer.name, (g) => /^\s/u.test(g)) : null;
    if (fromName) return fromName;
    const localPart = customer.email?.split("@")[0];
    return localPart ? segmented(localPart, (g) => /^[\s._+-]/u.test(g)) : null;
  }
  // Printable ASCII, with the separators often, plus a few characters just outside it.
  const ascii = fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(" ", ".", "_", "-", "+", "@", "\t", "\r", "\n", "\u007f", "é", "\u0301"),
    ),
  });

  it("gives what segmenting gives, for any text (property)", () => {
    fc.assert(
      fc.property(fc.option(ascii), fc.option(ascii), (name, email) => {
        expect(avatarInitials({ name, email })).toBe(reference({ name, email }));
      }),
      { numRuns: 5000 },
    );
  });
});

// WCAG 2.1 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe("avatarColor", () => {
  it.each(avatarPalette)("$background on $foreground meets WCAG AA (4.5:1)", ({ background, foreground }) => {
    expect(background).toMatch(/^#[0-9a-f]{6}$/);
    expect(["#ffffff", "#1c1917"]).toContain(foreground);
    expect(contrast(background, foreground)).toBeGreaterThanOrEqual(4.5);
  });

  it("has about ten distinct colors", () => {
    expect(new Set(avatarPalette.map((c) => c.background)).size).toBe(avatarPalette.length);
    expect(avatarPalette.length).toBeGreaterThanOrEqual(8);
  });

  it("spreads customer ids over the whole palette", () => {
    const used = new Set(Array.from({ length: 500 }, () => avatarColor(newId("customer")).background));
    expect(used.size).toBe(avatarPalette.length);
  });

  it("is deterministic and always from the palette (property)", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const color = avatarColor(seed);
        expect(avatarColor(seed)).toEqual(color);
        expect(avatarPalette).toContainEqual(color);
      }),
    );
  });
});

describe("formatShortDate", () => {
  it("formats like Nov 24, 2026, in UTC by default", () => {
    expect(formatShortDate("2026-11-24T12:00:00Z")).toBe("Nov 24, 2026");
    expect(formatShortDate(new Date("2026-11-24T23:59:59Z"))).toBe("Nov 24, 2026");
    expect(formatShortDate("2026-01-05T00:00:00Z")).toBe("Jan 5, 2026");
  });

  it("respects the workspace time zone", () => {
    expect(formatShortDate("2026-11-24T20:00:00Z", "Asia/Jakarta")).toBe("Nov 25, 2026");
    expect(formatShortDate("2026-11-25T03:00:00Z", "America/Los_Angeles")).toBe("Nov 24, 2026");
  });

  it("throws on an invalid date", () => {
    expect(() => formatShortDate("not a date")).toThrow(RangeError);
  });

  it("matches `Mmm d, yyyy` for any valid four-digit-year date and zone (property)", () => {
    const zones = ["UTC", "Asia/Jakarta", "America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12"];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1000-01-02T00:00:00Z"),
          max: new Date("9999-12-30T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        fc.boolean(),
        (date, zone, asString) => {
          const formatted = formatShortDate(asString ? date.toISOString() : date, zone);
          expect(formatted).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
        },
      ),
    );
  });
});
