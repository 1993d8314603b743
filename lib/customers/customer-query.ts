import "server-only";
// The SQL behind the customer list and export: filters and keyset ordering, written by hand
// because row comparisons like (name, id) > ($1, $2) are what let PostgreSQL seek straight to a
// deep page through the (workspace_id, livemode, <sort column>, id) indexes; Prisma's query
// builder can only express them as ORs, which scan from the first row.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Customer as CustomerRow } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import type { CustomerFilters, CustomerSort } from "@/lib/customers/schemas";

export const CUSTOMER_COLUMNS = Prisma.sql`
  id, workspace_id AS "workspaceId", livemode, external_id AS "externalId", email,
  email_normalized AS "emailNormalized", name, phone, tax_id AS "taxId",
  default_payment_token_id AS "defaultPaymentTokenId", metadata, archived_at AS "archivedAt",
  redacted_at AS "redactedAt", merged_into_id AS "mergedIntoId", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

export type SortSpec = {
  column: Prisma.Sql;
  key: (row: CustomerRow) => string | null;
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
        key: (row) => row.createdAt.toISOString(),
        descending,
        nullable: false,
      };
  }
}

const EMAIL_SIMILARITY = 0.6;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** WHERE conditions for the scope and the list's filters. */
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
  const q = filters.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q.toLowerCase())}%`;
    const lower = q.toLowerCase();
    // Partial matches (ILIKE) and typos (pg_trgm) are all served by the trigram GIN indexes.
    // Names: whole-value similarity (`%`) or the best-matching word (`%>`; written with the indexed
    // column on the left, or the planner cannot use the index for it), so one typo in one
    // word of a long name still matches. Emails: an address shares most trigrams with every
    // other address at its domain, so the index's candidates (`%`, similarity ≥ 0.3) are
    // rechecked at 0.6: "alice@exmaple.com" finds alice@example.com, "zed@example.com" does not.
    conditions.push(Prisma.sql`(
      name ILIKE ${pattern} OR email_normalized LIKE ${pattern} OR external_id ILIKE ${pattern}
      OR id ILIKE ${pattern} OR name % ${q} OR name %> ${q}
      OR (email_normalized % ${lower} AND similarity(email_normalized, ${lower}) >= ${EMAIL_SIMILARITY})
    )`);
  }
  return conditions;
}

export type Position = { value: string | null; id: string };

/**
 * The list in sort order, as segments: a nullable sort column puts NULLs last ascending and
 * first descending (PostgreSQL's own order, so one index serves both directions), and each
 * segment is one index range. Yields the SQL of each segment after `after`.
 */
export function segmentsAfter(spec: SortSpec, after: Position | undefined): Prisma.Sql[] {
  const { column, descending } = spec;
  const cmp = Prisma.raw(descending ? "<" : ">");
  const dir = Prisma.raw(descending ? "DESC" : "ASC");
  const valued = (extra: Prisma.Sql) => Prisma.sql`${extra} ORDER BY ${column} ${dir}, id ${dir}`;
  // Ordering the NULLs by the (constant) column too lets the planner read them from the sort index;
  // by id alone it picks the primary key and filters the whole workspace for the few NULLs.
  const nulls = (extra: Prisma.Sql) =>
    Prisma.sql`${column} IS NULL ${extra} ORDER BY ${column} ${dir}, id ${dir}`;
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
): Promise<CustomerRow[]> {
  const spec = sortSpec(filters.sort);
  const where = Prisma.join(filterConditions(scope, filters), " AND ");
  const rows: CustomerRow[] = [];
  for (const segment of segmentsAfter(spec, after)) {
    rows.push(
      ...(await db.$queryRaw<CustomerRow[]>`
        SELECT ${columns} FROM customers WHERE ${where} AND ${segment} LIMIT ${count - rows.length}`),
    );
    if (rows.length >= count) break;
  }
  return rows;
}
