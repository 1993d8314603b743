import "server-only";
// The SQL behind the customer list and export: filters and keyset ordering, written by hand
// because row comparisons like (name, id) > ($1, $2) are what let PostgreSQL seek straight to a
// deep page through the (workspace_id, livemode, <sort column>, id) indexes; Prisma's query
// builder can only express them as ORs, which scan from the first row.
import { Prisma } from "@/lib/generated/prisma/client";
import { pgPreparedReads, pgReads } from "@/lib/db/pg-reads";
import { isoTimestamp } from "@/lib/db/timestamps";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import type { CustomerFilters, CustomerSort } from "@/lib/customers/schemas";
import type { StoredCustomer } from "@/lib/customers/serialize";

export const CUSTOMER_COLUMNS = Prisma.sql`
  id, workspace_id AS "workspaceId", livemode, external_id AS "externalId", email,
  email_normalized AS "emailNormalized", name, phone, tax_id AS "taxId",
  default_payment_token_id AS "defaultPaymentTokenId", metadata, archived_at AS "archivedAt",
  redacted_at AS "redactedAt", merged_into_id AS "mergedIntoId", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

// Every column but search_keys (hundreds of bytes of keys per customer, only matched inside the
// query): what a search collects, so 10,000 collected matches stay in memory.
const STORED_COLUMNS = Prisma.raw(
  "id, workspace_id, livemode, external_id, email, email_normalized, name, phone, tax_id, " +
    "default_payment_token_id, metadata, archived_at, redacted_at, merged_into_id, " +
    "scrub_pending_since, created_at, updated_at",
);

export type SortSpec = {
  column: Prisma.Sql;
  key: (row: StoredCustomer) => string | null;
  descending: boolean;
  nullable: boolean;
};

export function sortSpec(sort: CustomerSort): SortSpec {
  const descending = sort.startsWith("-");
  switch (sort.replace(/^-/, "")) {
    case "name":
      return { column: Prisma.raw("name"), key: (row) => row.name, descending, nullable: true };
    case "email":
      return {
        column: Prisma.raw("email_normalized"),
        key: (row) => row.emailNormalized,
        descending,
        nullable: true,
      };
    default:
      return {
        column: Prisma.raw("created_at"),
        key: (row) => isoTimestamp(row.createdAt),
        descending,
        nullable: false,
      };
  }
}

// Ids are cus_ + Crockford base32: a term with anything else cannot be part of one.
const ID_FRAGMENT = /^[0-9a-z_]+$/i;
// No valid address has whitespace or any of "(),:;<>[]\ (EMAIL_PATTERN, lib/customers/fields.ts), so
// a term with one ("Amara Chen") skips the email index's scan: 20 ms at 1M for two common words.
const EMAIL_FRAGMENT = /^[^\s"(),:;<>[\]\\]+$/u;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** WHERE conditions for the scope and the list's filters, except the search (`q`). */
export function filterConditions(scope: Scope, filters: CustomerFilters): Prisma.Sql[] {
  const conditions = [
    Prisma.sql`workspace_id = ${scope.workspaceId}`,
    Prisma.sql`livemode = ${scope.livemode}`,
  ];
  if (filters.archived === "false") conditions.push(Prisma.sql`archived_at IS NULL`);
  if (filters.archived === "true") conditions.push(Prisma.sql`archived_at IS NOT NULL`);
  if (filters.email !== undefined)
    conditions.push(Prisma.sql`email_normalized = ${filters.email.trim().toLowerCase()}`);
  if (filters.externalId !== undefined) conditions.push(Prisma.sql`external_id = ${filters.externalId}`);
  if (filters.createdFrom) conditions.push(Prisma.sql`created_at >= ${filters.createdFrom}`);
  if (filters.createdTo) conditions.push(Prisma.sql`created_at <= ${filters.createdTo}`);
  return conditions;
}

/**
 * The search (`q`) as one condition, or undefined without one. Partial matches (ILIKE, served by
 * the trigram GIN indexes) on the name and externalId, on the address for a term an address can
 * hold, and on the id for an id-shaped term; typos by words (`search_keys`, decision 61): every
 * word of the term matches a word of the name or address, exactly or within one typo.
 * customer_search_query_part (migration customer_search_parts) turns the term into a tsquery a
 * word, with the same word split as the keys.
 */
export function searchCondition(scope: Scope, filters: CustomerFilters): Prisma.Sql | undefined {
  const q = filters.q?.trim();
  if (!q) return undefined;
  const lower = q.toLowerCase();
  const pattern = `%${escapeLike(lower)}%`;
  const branches = [Prisma.sql`name ILIKE ${pattern}`, Prisma.sql`external_id ILIKE ${pattern}`];
  if (EMAIL_FRAGMENT.test(q)) branches.push(Prisma.sql`email_normalized LIKE ${pattern}`);
  if (ID_FRAGMENT.test(q)) branches.push(Prisma.sql`id ILIKE ${pattern}`);
  // One condition a word (decision 72): GIN reads each as its own scan key and skips a common
  // word's keys to a rare word's matches, where one tsquery for the whole term read both in full.
  // In a subquery, the planner estimates each at a default 0.5% instead of from its keys: those of
  // one word are near-copies, and multiplied as independent, a common first name looked like a
  // fifth of the workspace and step 2 walked the table (1.9 s) instead of the index.
  const parts = guessedWordCount(q);
  const words = Array.from(
    { length: parts },
    // The counts are the code's integers, written in: literals are typed int, as the function takes.
    (_, i) =>
      Prisma.sql`search_keys @@ (SELECT customer_search_query_part(${scope.workspaceId}, ${q}, ${Prisma.raw(`${i + 1}, ${parts}`)}))`,
  );
  branches.push(Prisma.sql`(${Prisma.join(words, " AND ")})`);
  return Prisma.sql`(${Prisma.join(branches, " OR ")})`;
}

const MAX_SEARCH_PARTS = 8;

/**
 * About how many words PostgreSQL finds in a term (`[^[:alnum:]]+` splits them there, by the
 * database's locale), 1 to MAX_SEARCH_PARTS. customer_search_query_part gives the same matches
 * for any count, so a wrong guess costs speed only.
 */
function guessedWordCount(term: string): number {
  const words = term.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
  return Math.min(Math.max(words, 1), MAX_SEARCH_PARTS);
}

/**
 * The client for the list's and the export's reads outside a transaction: straight through
 * node-postgres (lib/db/pg-reads.ts), prepared unless a search or a date range makes the best plan
 * depend on the values.
 */
export function customerReads(filters: CustomerFilters): Db {
  const valueDependent = filters.q !== undefined || filters.createdFrom || filters.createdTo;
  return valueDependent ? pgReads : pgPreparedReads;
}

export type Position = { value: string | null; id: string };

/** One index range of the list: its condition and its order. */
export type Segment = { condition: Prisma.Sql; order: Prisma.Sql };

/**
 * The list in sort order, as segments: a nullable sort column puts NULLs last ascending and
 * first descending (PostgreSQL's own order, so one index serves both directions), and each
 * segment is one index range. Yields the segments after `after`.
 */
export function segmentsAfter(spec: SortSpec, after: Position | undefined): Segment[] {
  const { column, descending } = spec;
  const cmp = Prisma.raw(descending ? "<" : ">");
  const dir = Prisma.raw(descending ? "DESC" : "ASC");
  // Ordering the NULLs by the (constant) column too lets the planner read them from the sort index;
  // by id alone it picks the primary key and filters the whole workspace for the few NULLs.
  const order = Prisma.sql`${column} ${dir}, id ${dir}`;
  const valued = (condition: Prisma.Sql) => ({ condition, order });
  const nulls = (extra: Prisma.Sql) => ({ condition: Prisma.sql`${column} IS NULL ${extra}`, order });
  const value = after?.value ?? null;
  const typed = spec.nullable ? Prisma.sql`${value}` : Prisma.sql`${value}::timestamptz`;

  if (!spec.nullable) {
    return [valued(after ? Prisma.sql`(${column}, id) ${cmp} (${typed}, ${after.id})` : Prisma.sql`TRUE`)];
  }
  const valuedAll = valued(Prisma.sql`${column} IS NOT NULL`);
  const nullsAll = nulls(Prisma.empty);
  if (!after) return descending ? [nullsAll, valuedAll] : [valuedAll, nullsAll];
  if (value === null) {
    const restOfNulls = nulls(Prisma.sql`AND id ${cmp} ${after.id}`);
    return descending ? [restOfNulls, valuedAll] : [restOfNulls];
  }
  const restOfValued = valued(Prisma.sql`(${column}, id) ${cmp} (${typed}, ${after.id})`);
  return descending ? [restOfValued] : [restOfValued, nullsAll];
}

/**
 * A LIMIT written into the SQL rather than bound. As a parameter, PostgreSQL costs a prepared
 * statement's generic plan for a limit of a tenth of the table, so the generic plan never wins and
 * every call of the list's prepared read was planned anew (0.13 ms at 1M customers, a third of
 * the query's time in PostgreSQL). Written in, the generic plan is kept after five calls when it
 * costs no more than planning anew, as for the default page; each page size is its own statement.
 */
function limitLiteral(count: number): Prisma.Sql {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`not a row count: ${count}`);
  return Prisma.raw(String(count));
}

/**
 * Up to `count` customers in sort order after `after` (from the start when undefined): the
 * shared read of the list's pages and the export's batches.
 */
export async function readCustomersAfter(
  db: Db,
  scope: Scope,
  filters: CustomerFilters,
  after: Position | undefined,
  count: number,
  // The export reads fewer columns (the CSV's and the sort keys); rows then hold only those.
  columns: Prisma.Sql = CUSTOMER_COLUMNS,
): Promise<StoredCustomer[]> {
  const spec = sortSpec(filters.sort);
  const where = Prisma.join(filterConditions(scope, filters), " AND ");
  const search = searchCondition(scope, filters);
  const rows: StoredCustomer[] = [];
  for (const segment of segmentsAfter(spec, after)) {
    const wanted = count - rows.length;
    rows.push(
      ...(search
        ? await searchSegment(db, where, search, segment, wanted, columns)
        : await db.$queryRaw<StoredCustomer[]>`
            SELECT ${columns} FROM customers WHERE ${where} AND ${segment.condition}
            ORDER BY ${segment.order} LIMIT ${limitLiteral(wanted)}`),
    );
    if (rows.length >= count) break;
  }
  return rows;
}

/**
 * How many of a segment's first rows a search tests before it asks the GIN indexes: 2,000 take
 * a few ms to test, and a term found fewer than `wanted` times in them is rare (under 0.5% of the
 * customers for a page of 10).
 */
export function searchWindow(wanted: number): number {
  return Math.min(20_000, Math.max(2_000, wanted * 40));
}

/** How many matches the GIN indexes may collect for a term before the search walks instead. */
export function searchCap(wanted: number): number {
  return Math.max(10_000, wanted * 20);
}

/**
 * A search's matches in one segment, in steps, because no single plan is fast for every term.
 * Walking the sort index and testing each row finds a common term ("smith") at once but reads the
 * whole workspace for a rare one (16 s at 1M customers for a term matching nothing); the GIN
 * indexes find a rare term at once but must collect and sort every match of a common one. So:
 * 1. test the first rows of the segment (a bounded window): enough matches there are the page;
 * 2. otherwise the term is rare there, and the GIN indexes collect its matches in the whole
 *    segment (MATERIALIZED keeps the planner from walking the sort index instead), which are then
 *    sorted — unless there are more than a cap of them (a term common only further down the list:
 *    old customers at one company, say), when
 * 3. walking the segment finds them in order after all.
 */
async function searchSegment(
  db: Db,
  where: Prisma.Sql,
  search: Prisma.Sql,
  segment: Segment,
  wanted: number,
  columns: Prisma.Sql,
): Promise<StoredCustomer[]> {
  const recent = await db.$queryRaw<StoredCustomer[]>`
    SELECT ${columns} FROM (
      SELECT * FROM customers WHERE ${where} AND ${segment.condition}
      ORDER BY ${segment.order} LIMIT ${searchWindow(wanted)}
    ) AS customers
    WHERE ${search} ORDER BY ${segment.order} LIMIT ${wanted}`;
  if (recent.length >= wanted) return recent;

  const cap = searchCap(wanted);
  const collected = await db.$queryRaw<(StoredCustomer & { matchCount?: number })[]>`
    WITH matches AS MATERIALIZED (
      SELECT ${STORED_COLUMNS} FROM customers WHERE ${where} AND ${segment.condition} AND ${search}
      LIMIT ${cap + 1}
    )
    SELECT ${columns}, (SELECT count(*) FROM matches)::int AS "matchCount"
    FROM matches AS customers ORDER BY ${segment.order} LIMIT ${wanted}`;
  if ((collected[0]?.matchCount ?? 0) <= cap) {
    for (const row of collected) delete row.matchCount;
    return collected;
  }
  return db.$queryRaw<StoredCustomer[]>`
    SELECT ${columns} FROM customers WHERE ${where} AND ${segment.condition} AND ${search}
    ORDER BY ${segment.order} LIMIT ${wanted}`;
}
