// Timestamps on the hot reads (lib/db/pg-reads.ts) stay the text PostgreSQL sent, rewritten into
// the API's ISO 8601 form, instead of becoming a Date that is printed straight back. Parsing one
// into a Date and printing it costs about 2 µs in a plain Node process and more inside `next start`,
// whose patched Date constructor runs for each: a 100-row list page has 200 of them (decision 71).
import pg from "pg";

/** A timestamp as a read returns it: a Date from Prisma, an ISO 8601 string from pg-reads. */
export type Timestamp = Date | string;

/** The ISO 8601 form of a timestamp read either way; null stays null. */
export function isoTimestamp(value: Timestamp): string;
export function isoTimestamp(value: Timestamp | null): string | null;
export function isoTimestamp(value: Timestamp | null): string | null {
  return value === null || typeof value === "string" ? value : value.toISOString();
}

// timestamptz as PostgreSQL prints it in a session whose TimeZone is UTC (DateStyle ISO, its
// default): "2026-12-07 23:38:00.12+00", trailing zeros of the fraction dropped, none when zero.
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;
const TIMESTAMPTZ = 1184;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ) as (text: string) => Date;

/**
 * The ISO form (`2026-12-07T23:38:00.120Z`, milliseconds as Date#toISOString writes them) of a
 * timestamptz's text. Any other shape (another session time zone, a year past 9999, BC) goes
 * through node-postgres' own parser.
 */
export function isoFromTimestamptzText(text: string): string {
  const parts = UTC_TEXT.exec(text);
  if (!parts) return parseTimestamptz(text).toISOString();
  const milliseconds = ((parts[3] ?? "") + "000").slice(0, 3);
  return `${parts[1]}T${parts[2]}.${milliseconds}Z`;
}

/** node-postgres type parsers with timestamptz read as ISO strings, every other type as usual. */
export const isoTimestampTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMPTZ && format !== "binary"
      ? isoFromTimestamptzText
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};
