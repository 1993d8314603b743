// The typo search's two SQL functions (migration customer_search_words, decision 61):
// customer_search_keys turns a name and an address into words and their one-letter deletions,
// customer_search_query turns a search term into a tsquery over them. Both split words in SQL, so
// they must agree for any text; and one typo in a word of 4+ letters must still match.
// customer_search_query_part (migration customer_search_parts) gives that tsquery in parts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether a customer of workspace ws_a named `name` with address `email` matches `term` searched in
 * ws_a (or in `searchedIn`); null when the term has no query.
 */
async function matches(
  term: string,
  name: string | null,
  email: string | null = null,
  searchedIn = "ws_a",
): Promise<boolean | null> {
  const [{ matched }] = await prisma.$queryRaw<{ matched: boolean | null }[]>`
    SELECT customer_search_keys('ws_a', ${name}, ${email}) @@ customer_search_query(${searchedIn}, ${term})
      AS matched`;
  return matched;
}

const letters = "abcdefghijklmnopqrstuvwxyzéñøß";
const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 4, maxLength: 12 });

/** One typo: a letter added, dropped or changed, or two neighbours swapped. */
const typo = fc
  .tuple(word, fc.nat(), fc.constantFrom(...letters), fc.constantFrom("add", "drop", "change", "swap"))
  .map(([original, at, letter, kind]) => {
    const i = at % original.length;
    const typed =
      kind === "add"
        ? original.slice(0, i) + letter + original.slice(i)
        : kind === "drop"
          ? original.slice(0, i) + original.slice(i + 1)
          : kind === "change"
            ? original.slice(0, i) + letter + original.slice(i + 1)
            : i + 1 < original.length
              ? original.slice(0, i) + original[i + 1] + original[i] + original.slice(i + 2)
              : original;
    return { original, typed };
  })
  .filter(({ typed }) => typed.length >= 4);

describe("the typo search's words", () => {
  it("a customer named exactly like any term is found by it: both sides split words alike", async () => {
    const term = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 80 })
      .filter((t) => !t.includes("\0"));
    await fc.assert(
      fc.asyncProperty(term, async (text) => {
        // NULL only for a term without words (separators only), which the partial match serves.
        expect(await matches(text, text)).not.toBe(false);
      }),
      {
        numRuns: 200,
        examples: [["O'Brien & Co."], ["Émile Müller-Lüdenscheidt"], ["'|&!():*"], ["\\ ' \\'"]],
      },
    );
  });

  it("a word of 4+ letters with one typo still matches it, in a name or an address", async () => {
    await fc.assert(
      fc.asyncProperty(typo, word, async ({ original, typed }, other) => {
        expect(await matches(typed, `${other} ${original}`)).toBe(true);
        expect(await matches(`${other}@${typed}.com`, null, `${other}@${original}.com`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("limits: short words and numbers are exact, two typos are too many, every word must match", async () => {
    expect(await matches("Alcie Smith", "Alice Smith")).toBe(true);
    expect(await matches("Alise Smi", "Alice Smith")).toBe(false); // a word cut short: the partial match's
    expect(await matches("Bbo", "Bob Builder")).toBe(false);
    expect(await matches("Olwaseum", "Oluwaseun Adeyemi")).toBe(false);
    expect(await matches("alice.6334@example.com", null, "alice.6343@example.com")).toBe(false);
    expect(await matches("Alice Brown", "Alice Smith")).toBe(false);
    expect(await matches("...", "Alice Smith")).toBe(null);
    expect(await matches("a".repeat(65), "a".repeat(65))).toBe(null); // over 64: matched in part only
    // Keys carry their workspace's tag: another workspace's search does not reach them.
    expect(await matches("Alice Smith", "Alice Smith", null, "ws_b")).toBe(false);
  });

  it("the term in any number of parts matches as the whole term does, whatever its word count", async () => {
    // Words and separators as they come: the caller guesses the word count, PostgreSQL splits.
    const piece = fc.oneof(
      fc.constantFrom("Alice", "Alcie", "Smith", "Smtih", "bob", "4245", "example", "exmaple", "Émile"),
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.constantFrom(" ", ".", "@", "-", "  ", "'"),
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(""));
    await fc.assert(
      fc.asyncProperty(text, text, fc.integer({ min: 1, max: 6 }), async (term, name, parts) => {
        fc.pre(!term.includes("\0") && !name.includes("\0"));
        const conditions = Array.from(
          { length: parts },
          (_, i) =>
            Prisma.sql`keys @@ customer_search_query_part('ws_a', ${term}, ${Prisma.raw(`${i + 1}, ${parts}`)})`,
        );
        const [row] = await prisma.$queryRaw<{ whole: boolean | null; inParts: boolean | null }[]>`
          SELECT keys @@ customer_search_query('ws_a', ${term}) AS whole,
                 ${Prisma.join(conditions, " AND ")} AS "inParts"
          FROM (SELECT customer_search_keys('ws_a', ${name}, ${`${name}@example.com`}) AS keys) AS customer`;
        expect(row.inParts).toBe(row.whole);
      }),
      {
        numRuns: 300,
        examples: [
          ["Alcie Smith", "Alice Smith", 1],
          ["Alcie Smith", "Alice Smith", 2],
          ["Alcie Smith", "Alice Smith", 5],
          ["Alcie Brown", "Alice Smith", 2],
          ["Smith Alcie", "Alice Smith", 2],
          ["...", "Alice Smith", 3],
          ["a".repeat(65) + " Alice", "Alice", 2],
        ],
      },
    );
  });

  it("a part outside 1..parts is an error, not a query that matches nothing", async () => {
    await expect(prisma.$queryRaw`SELECT customer_search_query_part('ws_a', 'Alice', 0, 1)`).rejects.toThrow(
      /no part 0 of 1/,
    );
    await expect(prisma.$queryRaw`SELECT customer_search_query_part('ws_a', 'Alice', 3, 2)`).rejects.toThrow(
      /no part 3 of 2/,
    );
  });
});
