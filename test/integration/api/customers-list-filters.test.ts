import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import {
  expectedOrder,
  idsOf,
  insertCustomers,
  listAllPages,
  listPath,
  minutesApart,
  type ListBody,
} from "@/test/support/customer-list";
import { expectError, listIds, startListTestbed, testScope } from "@/test/support/list-testbed";

const { newWorkspace, server } = startListTestbed();

describe("GET /customers — filters", () => {
  it("email matches exactly and case-insensitively; externalId matches exactly", async () => {
    const { api } = await newWorkspace();
    const alice = (await api.post("/api/v1/customers", { email: "alice@Example.com", externalId: "crm_1" }))
      .body;
    const twin = (await api.post("/api/v1/customers", { email: "ALICE@example.COM" })).body;
    await api.post("/api/v1/customers", { email: "malice@example.com", externalId: "crm_10" });
    await api.post("/api/v1/customers", { email: "alice@example.com.au", externalId: "CRM_1" });

    expect(await listIds(api, { email: "ALICE@example.com" })).toEqual([twin.id, alice.id]);
    expect(await listIds(api, { email: "alice@example.com" })).toEqual([twin.id, alice.id]);
    expect(await listIds(api, { email: "alice@example.co" })).toEqual([]);
    expect(await listIds(api, { email: "example.com" })).toEqual([]);
    expect(await listIds(api, { externalId: "crm_1" })).toEqual([alice.id]);
    expect(await listIds(api, { externalId: "crm_" })).toEqual([]);
    expect(await listIds(api, { externalId: "crm_1 " })).toEqual([]);
  });

  it("q matches part of a name, email, externalId or id, case-insensitively, with typo tolerance", async () => {
    const { api } = await newWorkspace();
    const create = async (body: object) => (await api.post("/api/v1/customers", body)).body.id as string;
    const oluwaseun = await create({
      name: "Oluwaseun Adeyemi",
      email: "seun@lagos.ng",
      externalId: "crm_77001",
    });
    const alice = await create({ name: "Alice Smith", email: "alice@Example.com", externalId: "crm_1001" });
    const bob = await create({ name: "Bob Builder", email: "bob@builder.io" });
    const cotton = await create({ name: "100% Cotton_Shop" });
    const zoe = await create({ name: "Zoë Saldaña", email: "zoe@studio.co" });

    const q = (value: string) => listIds(api, { q: value });
    expect(await q("luwase")).toEqual([oluwaseun]);
    expect(await q("OLUWASEUN adeyemi")).toEqual([oluwaseun]);
    expect(await q("@EXAMPLE.com")).toEqual([alice]);
    expect(await q("builder.i")).toEqual([bob]);
    expect(await q("rm_770")).toEqual([oluwaseun]);
    expect(await q("CRM_1001")).toEqual([alice]);
    expect(await q("zoë")).toEqual([zoe]);
    expect(await q(alice)).toEqual([alice]);
    expect(await q(alice.slice(0, -1))).toEqual([alice]); // part of an id
    expect(await q(alice.slice(8, 20).toLowerCase())).toEqual([alice]);
    // LIKE's wildcards are plain characters in q.
    expect(await q("%")).toEqual([cotton]);
    expect(await q("n_S")).toEqual([cotton]);
    expect(await q("_")).toEqual([zoe, cotton, bob, alice, oluwaseun]); // every id holds a "_" (cus_…)
    expect(await q("nobody-at-all")).toEqual([]);

    // Typos by words (decision 61): every word of the term matches a word of the name or address,
    // exactly or — a word of 4+ letters without digits — within one typo: a letter added, dropped,
    // changed, or two neighbours swapped.
    expect(await q("Oluwasen")).toEqual([oluwaseun]); // a letter dropped
    expect(await q("Oluwasuen")).toEqual([oluwaseun]); // two letters swapped
    expect(await q("Builderr")).toEqual([bob]); // a letter added
    expect(await q("Alise Smith")).toEqual([alice]); // a letter changed
    expect(await q("Alcie")).toEqual([alice]); // swapped, in a short first name
    expect(await q("alice@exmaple.com")).toEqual([alice]); // swapped letters in the domain
    expect(await q("aliec@example.com")).toEqual([alice]); // …or in the local part
    expect(await q("bob@bilder.io")).toEqual([bob]);
    expect(await q("Bob Bilder")).toEqual([bob]);
    expect(await q("Alice Smi")).toEqual([alice]); // cut short: the partial match finds it…
    // Its limits: a word of 3 letters or with digits is exact, and every word must match.
    expect(await q("bpb")).toEqual([]);
    expect(await q("alice@example.cmo")).toEqual([]);
    expect(await q("zed@example.com")).toEqual([]); // another person at the same domain
    expect(await q("Oluwasen 1")).toEqual([]); // "1" is no word of hers
    expect(await q("Alise Brown")).toEqual([]);
    expect(await q("Alise Smi")).toEqual([]); // …but not with a typo too
    expect(await q("Olwaseum")).toEqual([]); // two typos in one word
    expect(await q("crm_1002")).toEqual([]); // crm_1001 with another number is another record
    // The words follow every change of the name or address.
    expect((await api.patch(`/api/v1/customers/${bob}`, { name: "Robert Builder" })).status).toBe(200);
    expect(await q("Robret")).toEqual([bob]);
    expect(await q("Bob Bilder")).toEqual([bob]); // still his address
    expect(await q("Bbo Bilder")).toEqual([]);
  });

  it("createdFrom and createdTo are inclusive, as whole UTC days or exact timestamps", async () => {
    const { api, ...workspace } = await newWorkspace();
    const at = (iso: string) => ({ createdAt: new Date(iso) });
    const [a, b, c, d, e] = idsOf(
      await insertCustomers(testScope(workspace), [
        at("2026-02-28T23:59:59.999Z"),
        at("2026-03-01T00:00:00.000Z"),
        at("2026-03-01T12:00:00.000Z"),
        at("2026-03-02T23:59:59.999Z"),
        at("2026-03-03T00:00:00.000Z"),
      ]),
    );
    const ids = async (params: Record<string, string>) => (await listIds(api, params)).reverse();
    expect(await ids({ createdFrom: "2026-03-01" })).toEqual([b, c, d, e]);
    expect(await ids({ createdTo: "2026-03-02" })).toEqual([a, b, c, d]);
    expect(await ids({ createdFrom: "2026-03-01", createdTo: "2026-03-02" })).toEqual([b, c, d]);
    expect(await ids({ createdFrom: "2026-03-01", createdTo: "2026-03-01" })).toEqual([b, c]);
    expect(await ids({ createdFrom: "2026-03-01T12:00:00.000Z" })).toEqual([c, d, e]);
    expect(await ids({ createdTo: "2026-03-01T12:00:00Z" })).toEqual([a, b, c]);
    expect(await ids({ createdFrom: "2026-03-01T19:00:00+07:00" })).toEqual([c, d, e]);
    expect(
      await ids({ createdFrom: "2026-03-01T12:00:00.001Z", createdTo: "2026-03-02T23:59:59.999Z" }),
    ).toEqual([d]);
    expect(await ids({ createdFrom: "2026-03-02", createdTo: "2026-03-01" })).toEqual([]);
  });

  it.each(["createdFrom", "createdTo"])("refuses an invalid %s with 400 naming it", async (param) => {
    const { api } = await newWorkspace();
    for (const value of [
      "2026-13-01",
      "2026-02-30",
      "2026-3-1",
      "yesterday",
      "1772323200000",
      "",
      "2026-03-01T25:00:00Z",
      "2026-03-01 10:00:00Z",
    ])
      await expectError(api, listPath({ [param]: value }), "parameter_invalid", param);
  });

  // JavaScript's Date would roll 2026-02-30T… over into March 2nd; the parser refuses it instead.
  it("refuses a timestamp on a day that does not exist", async () => {
    const { api } = await newWorkspace();
    await expectError(
      api,
      listPath({ createdFrom: "2026-02-30T00:00:00Z" }),
      "parameter_invalid",
      "createdFrom",
    );
  });

  it("archived=false (the default) hides archived customers, true shows only them, all both", async () => {
    const { api, ...workspace } = await newWorkspace();
    const customers = idsOf(
      await insertCustomers(testScope(workspace), minutesApart(5, new Date("2026-03-01T00:00:00.000Z"))),
    );
    const archived = [customers[1], customers[3]];
    await prisma.customer.updateMany({
      where: { workspaceId: workspace.workspaceId, id: { in: archived } },
      data: { archivedAt: new Date() },
    });
    const active = customers.filter((id) => !archived.includes(id));
    expect(await listIds(api, {})).toEqual(active);
    expect(await listIds(api, { archived: "false" })).toEqual(active);
    expect(await listIds(api, { archived: "true" })).toEqual(archived);
    expect(await listIds(api, { archived: "all" })).toEqual(customers);
    const page = await api.get<ListBody>(listPath({ archived: "true" }));
    expect(page.body.data.every((customer) => customer.archivedAt !== null)).toBe(true);
    for (const value of ["yes", "TRUE", "1", "", "none"])
      await expectError(api, listPath({ archived: value }), "parameter_invalid", "archived");
  });

  it("combines filters and keeps them on every cursor page", async () => {
    const { api, ...workspace } = await newWorkspace();
    const customers = await insertCustomers(
      testScope(workspace),
      minutesApart(60, new Date("2026-03-05T00:00:00.000Z"), (i) => ({
        email:
          i % 3
            ? `u${i}@x.io`
            : ["Shared@Example.com", "shared@example.com", "SHARED@EXAMPLE.COM"][(i / 3) % 3],
        name: i % 4 === 0 ? null : `Name ${i % 5}`,
        archivedAt: i % 5 === 0 ? new Date("2026-03-06T00:00:00.000Z") : null,
      })),
    );
    // The customers span 23:01–00:00; createdFrom cuts off the older half.
    const from = new Date("2026-03-04T23:30:00.000Z");
    const matching = customers.filter(
      (customer) => customer.email?.toLowerCase() === "shared@example.com" && customer.createdAt >= from,
    );
    const pages = await listAllPages(api, {
      email: "SHARED@example.com",
      archived: "all",
      createdFrom: from.toISOString(),
      sort: "name",
      limit: "2",
    });
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.flatMap((page) => idsOf(page.data))).toEqual(await expectedOrder(matching, "name"));

    const active = await listAllPages(api, { email: "shared@example.com", limit: "2", sort: "-email" });
    expect(new Set(active.flatMap((page) => idsOf(page.data)))).toEqual(
      new Set(
        idsOf(customers.filter((c) => c.email?.toLowerCase() === "shared@example.com" && !c.archivedAt)),
      ),
    );
  });
});

describe("the product documentation's recipes (host replaced)", () => {
  const missing = ["curl", "jq"].filter((tool) => {
    try {
      execFileSync("bash", ["-c", `command -v ${tool}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  const skipNote = `needs ${missing.join(" and ")} on PATH (apt-get install -y ${missing.join(" ")})`;
  const sh = (script: string, env: Record<string, string>, cwd?: string) =>
    execFileSync("bash", ["-c", script], { env: { ...process.env, ...env }, cwd, encoding: "utf8" });

  it("exports the list as CSV with curl and jq", async (context) => {
    context.skip(missing.length > 0, skipNote);
    const { live, liveKey } = await newWorkspace();
    for (const body of [
      { name: 'Smith, "Jo"', email: "jo@example.com", externalId: "crm_1" },
      { name: "Zoë Saldaña", email: "zoe@example.com" },
      { email: "only-email@example.com" },
      {},
    ])
      expect((await live.post("/api/v1/customers", body)).status).toBe(201);

    const dir = mkdtempSync(path.join(os.tmpdir(), "plugipay-recipe-"));
    try {
      // Verbatim from product-docs/customers.txt, "Export via the list endpoint + jq".
      sh(
        `curl -s $HOST/v1/customers?limit=100 \\
-u $KEY: \\
| jq -r '.data[] | [.id, .email, .name, .externalId] | @csv' \\
> customers.csv`,
        { HOST: server().url, KEY: liveKey },
        dir,
      );
      const csv = readFileSync(path.join(dir, "customers.csv"), "utf8");
      const list = (await live.get<ListBody>(listPath({ limit: "100" }))).body.data;
      const cell = (value: string | null) => (value === null ? "" : `"${value.replaceAll('"', '""')}"`);
      const expected = list.map((c) => [c.id, c.email, c.name, c.externalId].map(cell).join(","));
      expect(csv.trimEnd().split("\n")).toEqual(expected);
      expect(csv).toContain('"Smith, ""Jo"""');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds a customer by email with curl -G --data-urlencode", async (context) => {
    context.skip(missing.length > 0, skipNote);
    const { live, liveKey } = await newWorkspace();
    const alice = (await live.post("/api/v1/customers", { email: "Alice@Example.com" })).body;
    await live.post("/api/v1/customers", { email: "bob@example.com" });
    const output = sh(
      `curl -s -G "$HOST/v1/customers" -u "$KEY:" --data-urlencode 'email=alice@example.com'`,
      { HOST: server().url, KEY: liveKey },
    );
    const body = JSON.parse(output);
    expect(body).toMatchObject({ object: "list", hasMore: false, nextCursor: null });
    expect(body.data).toEqual([alice]);
  });

  // The docs print this recipe without -G; curl then POSTs the form, which creates a customer
  // instead of finding one. The docs should say `curl -G`.
  it("documents that the email recipe as printed (no -G) creates a customer", async (context) => {
    context.skip(missing.length > 0, skipNote);
    const { liveKey } = await newWorkspace();
    const output = sh(
      `curl -s $HOST/v1/customers \\
-u $KEY: \\
--data-urlencode 'email=alice@example.com'`,
      { HOST: server().url, KEY: liveKey },
    );
    expect(JSON.parse(output)).toMatchObject({ object: "customer", email: "alice@example.com" });
  });
});
