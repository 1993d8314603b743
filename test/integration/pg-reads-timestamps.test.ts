// The hot reads (lib/db/pg-reads.ts) give timestamptz as ISO strings made from PostgreSQL's text,
// not Dates (decision 71): the same instants Prisma reads, in any session time zone.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db/prisma";
import { pgPreparedReads, pgReads } from "@/lib/db/pg-reads";
import { isoTimestampTypes } from "@/lib/db/timestamps";
import { createCustomer } from "@/lib/customers/create-customers";
import { listCustomers } from "@/lib/customers/list-customers";
import { retrieveCustomer } from "@/lib/customers/retrieve-customer";
import { customerListQuerySchema } from "@/lib/customers/schemas";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";

let scope: Scope;
// Every fraction PostgreSQL may shorten (none, three, two and one digits) and a leap day, in order.
const instants = [
  "2026-12-07T23:38:00.000Z",
  "2026-12-07T23:38:00.007Z",
  "2026-12-07T23:38:00.120Z",
  "2026-12-07T23:38:00.500Z",
  "2028-02-29T00:00:59.999Z",
];

beforeAll(async () => {
  const workspaceId = newId("workspace");
  await prisma.workspace.create({ data: { id: workspaceId, name: "Timestamps" } });
  scope = { workspaceId, livemode: false };
  for (const [index, at] of instants.entries()) {
    const customer = await createCustomer(scope, { name: `At ${index}` });
    await prisma.customer.update({
      where: { workspaceId_id: { workspaceId, id: customer.id } },
      data: { createdAt: new Date(at), archivedAt: index % 2 ? new Date(at) : null },
    });
  }
});

describe("timestamps on the hot reads", () => {
  it("are the ISO strings of the instants Prisma reads, prepared or not", async () => {
    const viaPrisma = await prisma.customer.findMany({
      where: { workspaceId: scope.workspaceId },
      orderBy: { createdAt: "asc" },
    });
    expect(viaPrisma.map((row) => row.createdAt.toISOString())).toEqual(instants);
    for (const reader of [pgReads, pgPreparedReads]) {
      const rows = await reader.$queryRaw<{ createdAt: unknown; archivedAt: unknown; updatedAt: unknown }[]>`
        SELECT created_at AS "createdAt", archived_at AS "archivedAt", updated_at AS "updatedAt"
        FROM customers WHERE workspace_id = ${scope.workspaceId} ORDER BY created_at`;
      expect(rows.map((row) => row.createdAt)).toEqual(instants);
      expect(rows.map((row) => row.archivedAt)).toEqual(
        viaPrisma.map((row) => row.archivedAt?.toISOString() ?? null),
      );
      expect(rows.map((row) => row.updatedAt)).toEqual(viaPrisma.map((row) => row.updatedAt.toISOString()));
    }
  });

  it("make a list page equal to the customers retrieved one by one, and its cursor resume after them", async () => {
    const query = customerListQuerySchema.parse({ limit: "3", archived: "all" });
    const first = await listCustomers(scope, query);
    const second = await listCustomers(scope, { ...query, cursor: first.nextCursor! });
    const listed = [...first.data, ...second.data];
    expect(listed.map((customer) => customer.createdAt)).toEqual([...instants].reverse());
    for (const customer of listed) expect(customer).toEqual(await retrieveCustomer(scope, customer.id));
  });

  it("are the same instants in a session whose time zone is not UTC", async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      for (const zone of ["Asia/Kolkata", "America/St_Johns", "UTC"]) {
        await client.query(`SET TimeZone = '${zone}'`);
        const { rows } = await client.query({
          text: "SELECT created_at FROM customers WHERE workspace_id = $1 ORDER BY created_at",
          values: [scope.workspaceId],
          types: isoTimestampTypes,
        });
        expect(
          rows.map((row) => row.created_at),
          zone,
        ).toEqual(instants);
      }
    } finally {
      await client.end();
    }
  });
});
