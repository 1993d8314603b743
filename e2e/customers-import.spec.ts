// spec/dashboard.md, Customers list: "Import CSV (upload, map columns, preview with per-row errors,
// then import with a live progress bar and a downloadable error report)".
import { readFile, writeFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { apiRequest, createCustomers, expect, test } from "./support/workspace";

async function chooseFile(page: Page, path: string) {
  await page.goto("/dashboard/customers/import");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(path);
}

async function downloadedText(download: Download): Promise<string> {
  return readFile(await download.path(), "utf8");
}

const targetOf = (page: Page, column: string) => page.getByLabel(`Import column “${column}” as`);

async function exportedCsv(request: Parameters<typeof createCustomers>[0], key: string): Promise<string> {
  const response = await apiRequest(request, key, "GET", "/customers/export");
  expect(response.status()).toBe(200);
  return response.text();
}

test("a semicolon file with a BOM and quoted cells: guessed columns, per-row errors, progress, summary, report", async ({
  page,
  request,
  workspace,
}, testInfo) => {
  const path = testInfo.outputPath("customers.csv");
  await writeFile(
    path,
    "\ufeffExternal ID;Full name;E-mail;Mobile;Notes;metadata.plan\r\n" +
      'crm-1;"Smith; Alice";alice@example.com;\'+6281234567890;"likes ""tea""";gold\r\n' +
      'crm-2;Bob;bob@example.com;;"two\r\nlines";\r\n' +
      "crm-bad;Carol;not-an-email;;;\r\n" +
      "crm-3;<b>Dan</b>;dan@example.com;+62 811 555;;silver\r\n",
  );
  // The list's Import CSV button leads here.
  await page.goto("/dashboard/customers");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page).toHaveURL("/dashboard/customers/import");
  await chooseFile(page, path);

  await expect(page.getByRole("heading", { name: "Match the columns" })).toBeFocused();
  await expect(page.getByText("4 rows in “customers.csv” (semicolon-separated)")).toBeVisible();
  await expect(targetOf(page, "External ID")).toHaveValue("externalId");
  await expect(targetOf(page, "Full name")).toHaveValue("name");
  await expect(targetOf(page, "E-mail")).toHaveValue("email");
  await expect(targetOf(page, "Mobile")).toHaveValue("phone");
  await expect(targetOf(page, "Notes")).toHaveValue("skip");
  await expect(targetOf(page, "metadata.plan")).toHaveValue("metadata.plan");
  // Changeable: the notes become a metadata key; a target chosen twice blocks the next step.
  await targetOf(page, "Notes").selectOption({ label: "Metadata key “Notes”" });
  await targetOf(page, "Mobile").selectOption("email");
  await expect(page.getByRole("alert").filter({ hasText: "Email is chosen for 2 columns" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Check rows" })).toBeDisabled();
  await targetOf(page, "Mobile").selectOption("phone");
  await page.getByRole("button", { name: "Check rows" }).click();

  await expect(page.getByRole("heading", { name: "Check the rows" })).toBeVisible();
  await expect(page.getByTestId("preview-Rows")).toHaveText("4");
  await expect(page.getByTestId("preview-Ready to import")).toHaveText("3");
  await expect(page.getByTestId("preview-With errors")).toHaveText("1");
  await expect(page.getByRole("table", { name: "Rows with errors" }).locator("tbody tr")).toHaveText([
    /^5\s*E-mail \(email\)\s*must be a valid email address$/,
  ]);
  await page.getByRole("button", { name: "Import 3 rows" }).click();

  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", "3");
  await expect(bar).toHaveAttribute("aria-valuemax", "3");
  await expect(page.getByTestId("import-progress-text")).toHaveText("3 of 3 rows");
  await expect(page.getByTestId("summary-Created")).toHaveText("3");
  await expect(page.getByTestId("summary-Updated")).toHaveText("0");
  await expect(page.getByTestId("summary-Unchanged")).toHaveText("0");
  await expect(page.getByTestId("summary-Failed")).toHaveText("1");

  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download failed rows (CSV)" }).click(),
  ]);
  expect(report.suggestedFilename()).toBe("customers-failed-rows.csv");
  expect(await downloadedText(report)).toBe(
    "\ufeffExternal ID;Full name;E-mail;Mobile;Notes;metadata.plan;line;error\r\n" +
      "crm-bad;Carol;not-an-email;;;;5;email: must be a valid email address\r\n",
  );

  const listed = await (
    await apiRequest(request, workspace.testKey, "GET", "/customers?externalId=crm-1")
  ).json();
  expect(listed.data[0]).toMatchObject({
    name: "Smith; Alice",
    email: "alice@example.com",
    phone: "+6281234567890",
    metadata: { plan: "gold", Notes: 'likes "tea"' },
  });
  await page.getByRole("link", { name: "View customers" }).click();
  await expect(page).toHaveURL("/dashboard/customers");
  for (const name of ["Smith; Alice", "Bob", "<b>Dan</b>"]) {
    await expect(page.getByTestId("display-name").getByText(name, { exact: true })).toBeVisible();
  }
  await expect(page.locator("tbody b")).toHaveCount(0);
});

test("export → edit a cell → import updates that customer in place; importing again changes nothing", async ({
  page,
  request,
  workspace,
}, testInfo) => {
  const [ann, ben] = await createCustomers(request, workspace.testKey, [
    { externalId: "rt-1", name: "Ann Round", email: "ann@example.com", metadata: { tier: "a" } },
    { name: "Ben Round" },
    { email: "nameless@example.com" },
  ]);
  await apiRequest(request, workspace.testKey, "PATCH", `/customers/${ann.id}`, { phone: "+62 811 1111" });

  await page.goto("/dashboard/customers");
  const [exported] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = await downloadedText(exported);
  expect(csv).toContain("'+62 811 1111"); // formula-escaped by the export…
  const path = testInfo.outputPath("edited.csv");
  await writeFile(path, csv.replace("Ben Round", "Benjamin Round"));

  await chooseFile(page, path);
  await expect(targetOf(page, "id")).toHaveValue("id");
  await expect(targetOf(page, "createdAt")).toHaveValue("skip");
  await expect(page.getByText("Read-only: the export writes it; import ignores it.")).toHaveCount(2);
  await expect(targetOf(page, "metadata")).toHaveValue("metadata");
  await page.getByRole("button", { name: "Check rows" }).click();
  await expect(page.getByTestId("preview-Ready to import")).toHaveText("3");
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByTestId("summary-Created")).toHaveText("0");
  await expect(page.getByTestId("summary-Updated")).toHaveText("1");
  await expect(page.getByTestId("summary-Unchanged")).toHaveText("2");

  const after = await (await apiRequest(request, workspace.testKey, "GET", "/customers?limit=100")).json();
  expect(after.data).toHaveLength(3);
  expect(after.data.find((c: { id: string }) => c.id === ben.id).name).toBe("Benjamin Round");
  // …and read back without the ' on import: the phone and everything else as they were.
  expect(after.data.find((c: { id: string }) => c.id === ann.id)).toMatchObject({
    phone: "+62 811 1111",
    metadata: { tier: "a" },
    externalId: "rt-1",
  });

  // The same file again: everything is already so.
  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(path);
  await page.getByRole("button", { name: "Check rows" }).click();
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByTestId("summary-Unchanged")).toHaveText("3");
  await expect(page.getByTestId("summary-Updated")).toHaveText("0");
  expect((await exportedCsv(request, workspace.testKey)).trim().split("\r\n")).toHaveLength(4);
});

test.describe("an interrupted import", () => {
  // The batches this test cuts off show up in the console as failed loads.
  test.use({ expectedBrowserErrors: [/Failed to load resource: net::ERR_FAILED/] });

  test("resumes after a reload with the same file: batches already done are not done twice", async ({
    page,
    request,
    workspace,
  }, testInfo) => {
    test.slow();
    // No id or externalId column: only the replayed batches keep these rows from being created twice.
    const rows = Array.from({ length: 2500 }, (_, i) => `Resume ${i},resume-${i}@example.com`);
    const path = testInfo.outputPath("resume.csv");
    await writeFile(path, ["name,email", ...rows].join("\n"));

    // Batch 0 goes through. Batch 1 reaches the server and commits, but its answer is lost. After
    // that the server is unreachable.
    let batches = 0;
    await page.route("**/dashboard/customers/import/batch", async (route) => {
      batches++;
      if (batches === 1) return route.continue();
      if (batches === 2) {
        await route.fetch();
        return route.abort("failed");
      }
      return route.abort("failed");
    });
    await chooseFile(page, path);
    await page.getByRole("button", { name: "Check rows" }).click();
    await page.getByRole("button", { name: "Import 2,500 rows" }).click();
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await expect(bar).toHaveAttribute("aria-valuenow", "500");
    await expect(page.getByTestId("import-progress-text")).toHaveText("500 of 2,500 rows");
    await expect(page.getByRole("status").filter({ hasText: "Trying again" })).toBeVisible();

    // The tab is reloaded mid-import; the server is back.
    await page.unroute("**/dashboard/customers/import/batch");
    await page.reload();
    await expect(page.getByText("An import of “resume.csv” stopped at 500 of 2,500 rows.")).toBeVisible();
    await page.getByLabel("CSV file", { exact: true }).setInputFiles(path);
    await expect(page.getByRole("heading", { name: "Resume the interrupted import?" })).toBeVisible();
    await expect(page.getByText("stopped at 500 of 2,500 rows")).toBeVisible();
    await page.getByRole("button", { name: "Resume" }).click();

    // Three batches of 500 still to create: seconds on a busy 2-core machine, more than expect's 5 s.
    await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("summary-Created")).toHaveText("2,500");
    await expect(page.getByTestId("summary-Failed")).toHaveText("0");
    const lines = (await exportedCsv(request, workspace.testKey)).trim().split("\r\n");
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[2])).size).toBe(2500);

    // Finished imports are forgotten: the same file now starts a new import.
    await page.getByRole("button", { name: "Import another file" }).click();
    await page.getByLabel("CSV file", { exact: true }).setInputFiles(path);
    await expect(page.getByRole("heading", { name: "Match the columns" })).toBeVisible();
  });
});
