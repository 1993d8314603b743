// The customer list at scale: 100,000 customers in one workspace, and for every sort and filter
// the SQL that listCustomers really runs, EXPLAIN ANALYZEd — on the first page and on a deep page.
// An index must drive each query, and a page must read about a page of rows, not the workspace.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/api/cursor";
import { prisma, prismaPool } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Customer as CustomerRow } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import {
  CUSTOMER_COLUMNS,
  filterConditions,
  searchCap,
  searchCondition,
  searchWindow,
  sortSpec,
} from "@/lib/customers/customer-query";
import { listCustomers } from "@/lib/customers/list-customers";
import { customerListQuerySchema, customerSortValues } from "@/lib/customers/schemas";
import { describePlan, explainAnalyze, planNodes, recordingDb, rowsRead } from "@/test/support/query-plans";

const CUSTOMERS = 100_000;
const MAX_ROWS_READ = 1_000;

let scope: Scope;

beforeAll(async () => {
  const [workspace, other] = [newId("workspace"), newId("workspace")];
  await prisma.workspace.createMany({
    data: [
      { id: workspace, name: "At scale" },
      { id: other, name: "Neighbour" },
    ],
  });
  scope = { workspaceId: workspace, livemode: false };
  // 95% test mode (the mode listed below). Names repeat (ties), 1 in 200 has none, 1 in 300 has
  // no email, 1 in 7 no externalId, 1 in 1,000 is archived; creation times come in pairs (ties).
  // The other workspace's customers reuse the same ids: only the (workspace_id, id) key is unique.
  const insert = (workspaceId: string, count: number) => prisma.$executeRaw`
    INSERT INTO customers (id, workspace_id, livemode, external_id, email, email_normalized, name,
                           archived_at, created_at, updated_at)
    SELECT 'cus_' || lpad(upper(to_hex(i)), 26, '0'), ${workspaceId}, i % 20 = 0,
           CASE WHEN i % 7 <> 0 THEN 'crm_' || i END,
           email, lower(email),
           CASE WHEN i = 54321 THEN 'Zebulon Quartermaine' WHEN i % 200 <> 7 THEN first || ' ' || last END,
           CASE WHEN i % 1000 = 3 THEN created_at + interval '90 days' END,
           created_at, created_at
    FROM generate_series(1, ${count}::int) AS i,
    LATERAL (SELECT
      timestamptz '2025-01-01' + (i / 2) * interval '1 minute' AS created_at,
      (ARRAY['Alice', 'Bob', 'Chidi', 'Dewi', 'Émile', 'Oluwaseun', 'zoë', 'Zack', 'Ngozi', 'Putri',
             'Ahmad', 'María'])[1 + i % 12] AS first,
      (ARRAY['Smith', 'Adeyemi', 'Santoso', 'Okafor', 'Müller', 'Nguyen', 'Wijaya', 'Brown',
             'García'])[1 + (i / 12) % 9] AS last,
      CASE WHEN i % 300 <> 11 THEN (ARRAY['Alice', 'bob', 'CHIDI', 'Dewi'])[1 + i % 4] || '.' || i || '@'
             || (ARRAY['Example.com', 'mail.co.id', 'corp.io'])[1 + i % 3] END AS email
    ) AS generated`;
  // Statistics from every row, and no autovacuum to redo them from a sample afterwards: with
  // ANALYZE's default 30,000-row sample, whether the few rows a rare search term matches were drawn
  // changes the planner's estimate, and once in a while its plan (a CI run saw all three rare-term
  // searches walk the created_at index). The plan for a given table is what this test pins; search's
  // sensitivity to estimates is recorded in docs/benchmarks.md ("What limits the misses").
  await prisma.$executeRaw`ALTER TABLE customers SET (autovacuum_enabled = false)`;
  await prisma.$executeRaw`ALTER TABLE customers ALTER COLUMN name SET STATISTICS 1000`;
  await insert(workspace, CUSTOMERS);
  await insert(other, 2_000);
  // VACUUM too, as a table at rest would be: it flushes the GIN indexes' pending lists, which
  // every trigram search would otherwise scan in full.
  await prisma.$executeRaw`VACUUM ANALYZE customers`;
}, 120_000);

type Case = { what: string; params: Record<string, string>; deepAfter?: number; none?: true };

const sortCases: Case[] = customerSortValues.map((sort) => ({
  what: `sort=${sort}`,
  params: { sort },
  deepAfter: 90_000,
}));

const filterCases: Case[] = [
  // The last rows of sort=name are the customers without a name (NULLs come last ascending).
  { what: "sort=name, a page among the customers without a name", params: { sort: "name" }, deepAfter: -100 },
  { what: "sort=email, a page among the customers without an email", params: { sort: "email" }, deepAfter: -100 },
  // 500 customers have no name: this page holds the last 5 names, then the first 6 NULLs.
  { what: "sort=name, the page where the names end", params: { sort: "name" }, deepAfter: -505 },
  { what: "email", params: { email: "ALICE.12@example.com" } },
  { what: "externalId", params: { externalId: "crm_4243" } },
  { what: "q, a word many customers share", params: { q: "example" }, deepAfter: 25_000 },
  { what: "q, a word one customer has", params: { q: "Quartermaine" } },
  { what: "q, a typo of a rare name", params: { q: "Zebulon Quartermane" } },
  { what: "q, an exact id", params: { q: "cus_000000000000000000000010E1" } },
  { what: "q, part of an externalId", params: { q: "rm_4243" } },
  { what: "q, an address with a typo", params: { q: "bob.4245@exmaple.com" } },
  { what: "q, a term no customer has", params: { q: "nobody at all" }, none: true },
  { what: "createdFrom and createdTo", params: { createdFrom: "2025-01-03", createdTo: "2025-02-05" }, deepAfter: 80_000 },
  { what: "createdFrom, a timestamp", params: { createdFrom: "2025-02-01T12:00:00.000Z" } },
  { what: "archived=all", params: { archived: "all" }, deepAfter: 90_000 },
]; // prettier-ignore

type Query = ReturnType<typeof customerListQuerySchema.parse>;

/** Every WHERE condition of the list as one plain query: scope, filters and search. */
function listConditions(query: Query): Prisma.Sql[] {
  const search = searchCondition(scope, query);
  return [...filterConditions(scope, query), ...(search ? [search] : [])];
}

/** Rows of the list in the contract's order by plain OFFSET — the slow way, to check the fast one. */
async function rowsAt(query: Query, offset: number, limit: number): Promise<CustomerRow[]> {
  const spec = sortSpec(query.sort);
  const dir = Prisma.raw(spec.descending ? "DESC" : "ASC");
  // PostgreSQL's default NULLS placement (last ascending, first descending) is the contract's.
  return prisma.$queryRaw<CustomerRow[]>`
    SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE ${Prisma.join(listConditions(query), " AND ")}
    ORDER BY ${spec.column} ${dir}, id ${dir} OFFSET ${offset} LIMIT ${limit}`;
}

async function countOf(query: Query): Promise<number> {
  const [{ count }] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM customers WHERE ${Prisma.join(listConditions(query), " AND ")}`;
  return count;
}

/** A cursor resuming after `row`, signed as list-customers.ts signs them (workspace, mode, sort). */
function cursorAfter(query: Query, row: CustomerRow): string {
  return encodeCursor(
    { values: [sortSpec(query.sort).key(row)], id: row.id },
    { secret: env.AUTH_SECRET!, scope: `${scope.workspaceId}:test:${query.sort}` },
  );
}

/**
 * Lists one page — the first, or the one after `after` rows (counted from the end if negative) —
 * checks it against OFFSET, and returns the plan of each SQL query listCustomers ran for it.
 */
async function plansOf(params: Record<string, string>, after?: number, none = false) {
  let query = customerListQuerySchema.parse(params);
  let offset = 0;
  if (after !== undefined) {
    const count = await countOf(query);
    offset = after < 0 ? count + after : after;
    expect(offset).toBeLessThan(count);
    const [last] = await rowsAt(query, offset - 1, 1);
    query = { ...query, cursor: cursorAfter(query, last) };
  }
  const queries: Prisma.Sql[] = [];
  const page = await listCustomers(scope, query, recordingDb(queries));
  expect(page.data.length > 0).toBe(!none);
  expect(page.data.map((customer) => customer.id)).toEqual(
    (await rowsAt(query, offset, query.limit)).map((row) => row.id),
  );
  return Promise.all(queries.map(explainAnalyze));
}

function expectIndexDriven(plans: Awaited<ReturnType<typeof plansOf>>) {
  for (const plan of plans) {
    const nodes = planNodes(plan);
    const summary = describePlan(plan);
    expect(
      nodes.filter((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === "customers"),
      summary,
    ).toEqual([]);
    expect(
      nodes.some((node) => /Index/.test(node["Node Type"]) && node["Index Name"]?.startsWith("customers_")),
      summary,
    ).toBe(true);
  }
}

// A search first tests the first rows of the list (a bounded window), then, for a rare term, asks
// the trigram indexes for at most a cap of matches: each query reads the window, the cap, or about
// a page — never the workspace.
function expectFewRowsRead(plans: Awaited<ReturnType<typeof plansOf>>, search = false) {
  const most = search ? Math.max(searchWindow(11), searchCap(11)) + MAX_ROWS_READ : MAX_ROWS_READ;
  for (const plan of plans) expect(rowsRead(plan, "customers"), describePlan(plan)).toBeLessThan(most);
}

describe(`the customer list over ${CUSTOMERS.toLocaleString("en")} customers`, () => {
  it.each([...sortCases, ...filterCases])("$what: indexes drive the first and deep pages", async (test) => {
    const first = await plansOf(test.params, undefined, test.none);
    const search = test.params.q !== undefined;
    expectIndexDriven(first);
    expectFewRowsRead(first, search);
    if (test.deepAfter === undefined) return;
    const deep = await plansOf(test.params, test.deepAfter);
    expectIndexDriven(deep);
    expectFewRowsRead(deep, search);
  });

  it("a term common only further down the list is walked to after the indexes find too many", async () => {
    // Sorted by name, the first 2,000 rows are all "Ahmad A…" and "Ahmad B…": no Smith among them,
    // but a ninth of the workspace is a Smith, more than the cap.
    const plans = await plansOf({ q: "Smith", sort: "name" });
    expect(plans).toHaveLength(3);
    expectIndexDriven(plans);
    expectFewRowsRead(plans, true);
    expect(describePlan(plans[2])).toContain("customers_workspace_id_livemode_name_id_idx");
  });

  // One tsquery for the whole term made GIN read every word's keys in full; a condition a word
  // lets it skip a common word's keys to a rare word's matches (decision 72).
  it("a search of two words asks the keys' index one condition a word", async () => {
    const plans = await plansOf({ q: "Zebulon Quartermane" });
    const scans = plans
      .flatMap(planNodes)
      .filter((node) => node["Index Name"] === "customers_search_keys_idx");
    expect(scans.length, plans.map(describePlan).join("\n")).toBeGreaterThan(0);
    for (const scan of scans) expect(scan["Index Cond"]?.match(/ @@ /g), scan["Index Cond"]).toHaveLength(2);
  });

  it("a search's page is what one plain query gives, for any term, sort and page", async () => {
    // Fragments of the data, the same with two letters swapped, and arbitrary short strings: terms
    // common and rare, among the first rows or only further down, for each step of the search.
    const words = [
      "Zebulon Quartermaine",
      "Alice Smith",
      "Émile García",
      "bob.4245@example.com",
      "crm_4243",
      // Its fragments match a few of the newest rows and more further down ("crm_9998").
      "crm_99987",
    ];
    const fragment = fc
      .tuple(fc.constantFrom(...words), fc.nat(20), fc.nat(20))
      .map(([word, a, b]) => word.slice(Math.min(a, b), Math.max(a, b) + 1))
      .filter((term) => term.trim().length > 0);
    const swapped = fragment.map((term) =>
      term.length < 4 ? term : term.slice(0, 1) + term[2] + term[1] + term.slice(3),
    );
    const text = fc.string({ minLength: 1, maxLength: 6 }).filter((term) => /^[^\0]*\S[^\0]*$/.test(term));
    const term = fc.oneof(fragment, swapped, text);
    await fc.assert(
      fc.asyncProperty(term, fc.constantFrom(...customerSortValues), fc.nat(4_000), async (q, sort, skip) => {
        let query = customerListQuerySchema.parse({ q, sort });
        const first = await listCustomers(scope, query);
        expect(first.data.map((c) => c.id)).toEqual((await rowsAt(query, 0, 10)).map((row) => row.id));
        const [last] = await rowsAt(query, skip, 1);
        if (!last) return;
        query = { ...query, cursor: cursorAfter(query, last) };
        const next = await listCustomers(scope, query);
        expect(next.data.map((c) => c.id)).toEqual((await rowsAt(query, skip + 1, 10)).map((row) => row.id));
      }),
      {
        numRuns: 30,
        // A few of the newest rows and more further down; a ninth of the rows, none of the first by
        // name; one row far down; none at all.
        examples: [
          ["crm_9998", "-createdAt", 0],
          ["Smith", "name", 3_000],
          ["Quartermaine", "-createdAt", 0],
          ["zzqx", "email", 0],
        ],
      },
    );
  }, 120_000);

  it("archived=true: an index drives the query", async () => {
    expectIndexDriven(await plansOf({ archived: "true" }));
  });

  // The (workspace_id, livemode, archived_at) index finds the few archived customers, instead of
  // a walk of the sort index past every active one.
  it("archived=true: reads few rows", async () => {
    expectFewRowsRead(await plansOf({ archived: "true" }));
  });

  // A prepared list read planned anew on every call cost a third of its time in PostgreSQL: its
  // LIMIT must be written into the SQL for the generic plan to win (lib/customers/customer-query.ts).
  it("the list's prepared reads keep a generic plan instead of planning every call", async () => {
    const pool = prismaPool();
    // One connection at a time, so every call below prepares on, and is counted by, the same one.
    const client = await pool.connect();
    client.release();
    // The default page size; past five calls PostgreSQL weighs each generic plan against planning
    // anew, so a statement for another limit may still be planned every call where that costs less.
    for (const params of [{}, { email: "alice.4@example.com" }, { sort: "name" }, { sort: "-email" }]) {
      for (let call = 0; call < 12; call++) await listCustomers(scope, customerListQuerySchema.parse(params));
    }
    const { rows } = await pool.query<{ name: string; generic_plans: string; custom_plans: string }>(
      "SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'pg_reads_%'",
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(Number(row.custom_plans), row.name).toBeLessThanOrEqual(5);
      expect(Number(row.generic_plans), row.name).toBeGreaterThan(0);
    }
  });
});
