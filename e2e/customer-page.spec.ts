// spec/dashboard.md, "Customer page": the header with lifetime revenue, the history tabs, inline
// edits of details and metadata, archive / unarchive, and the 404 for unknown or foreign IDs.
import type { Page } from "@playwright/test";
import { apiRequest, createCustomers, expect, payCheckout, signUp, test } from "./support/workspace";

async function getCustomer(request: Parameters<typeof apiRequest>[0], key: string, id: string) {
  const response = await apiRequest(request, key, "GET", `/customers/${id}`);
  expect(response.status()).toBe(200);
  return response.json();
}

test("header with revenue per currency, history tabs in the URL, and paging within a tab", async ({
  page,
  request,
  workspace,
}) => {
  const [alice] = await createCustomers(request, workspace.testKey, [
    { name: "alice smith", email: "alice@example.com" },
  ]);
  // 21 rupiah payments (one more than a tab's page) and one in dollars.
  for (let i = 0; i < 21; i++) {
    await payCheckout(request, workspace.testKey, { customerId: alice.id, amount: 50_000, currency: "IDR" });
  }
  await payCheckout(request, workspace.testKey, { customerId: alice.id, amount: 1250, currency: "USD" });

  await page.goto("/dashboard/customers");
  await page.getByRole("link", { name: "alice smith" }).click();
  await expect(page).toHaveURL(`/dashboard/customers/${alice.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("alice smith");
  await expect(page.locator("header").getByTestId("avatar")).toHaveText("AS");
  await expect(page.locator("header").getByText("alice@example.com")).toBeVisible();
  await expect(page.getByTestId("lifetime-revenue")).toHaveText(/^Rp\s?1\.050\.000 · \$12\.50$/);
  await expect(page.getByText("Customer since")).toBeVisible();
  await expect(page.locator("header time")).toHaveAttribute("dateTime", /^\d{4}-\d{2}-\d{2}T/);

  const tabs = page.getByRole("navigation", { name: "Customer history" });
  await expect(tabs.getByRole("link", { name: "Payments" })).toHaveAttribute("aria-current", "page");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(20);
  await expect(page.locator("thead th")).toHaveText(["Amount", "Status", "Description", "Created"]);
  await expect(rows.first().locator("td").first()).toHaveText("$12.50");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\?cursor=/);
  await expect(rows).toHaveCount(2);
  // The cursor is in the URL: a reload shows the same page.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await page.getByRole("link", { name: "First page" }).click();
  await expect(rows).toHaveCount(20);

  await tabs.getByRole("link", { name: "Subscriptions" }).click();
  await expect(page).toHaveURL(`/dashboard/customers/${alice.id}?tab=subscriptions`);
  await expect(tabs.getByRole("link", { name: "Subscriptions" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No subscriptions for this customer yet.")).toBeVisible();
  await tabs.getByRole("link", { name: "Invoices" }).click();
  await expect(page).toHaveURL(/tab=invoices/);
  await page.reload();
  await expect(page.getByText("No invoices for this customer yet.")).toBeVisible();
});

test("the demo customer's subscriptions and invoices tabs list theirs", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("demo@plugipay.test");
  await page.getByLabel("Password").fill("plugipay-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard/customers");
  await page.goto("/dashboard/invoices");
  const invoiceNumber = (await page.locator("tbody tr").first().locator("td").first().textContent())!;
  await page.locator("tbody tr").first().getByTestId("customer-link").click();
  await expect(page).toHaveURL(/\/dashboard\/customers\/cus_/);
  await page
    .getByRole("navigation", { name: "Customer history" })
    .getByRole("link", { name: "Invoices" })
    .click();
  await expect(page.locator("thead th")).toHaveText(["Number", "Status", "Amount due", "Created"]);
  await expect(page.locator("tbody td", { hasText: invoiceNumber })).toHaveCount(1);
});

test("details are edited inline with the API's validation, and a taken externalId links its holder", async ({
  page,
  request,
  workspace,
}) => {
  const [bob, holder] = await createCustomers(request, workspace.testKey, [
    { name: "Bob", email: "bob@example.com" },
    { name: "Holder", externalId: "crm_taken" },
  ]);
  await page.goto(`/dashboard/customers/${bob.id}`);
  const details = page.getByRole("region", { name: "Details" });
  await details.getByRole("button", { name: "Edit details" }).click();
  await details.getByLabel("Email").fill("not-an-email");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("alert")).toHaveText("email: must be a valid email address");
  await expect(details.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(details.getByLabel("Email")).toHaveValue("not-an-email");

  await details.getByLabel("Email").fill("bob@example.org");
  await details.getByLabel("External ID").fill("crm_taken");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("alert")).toContainText("crm_taken");
  const holderLink = details.getByRole("link", { name: "Open the customer with this external ID" });
  await expect(holderLink).toHaveAttribute("href", `/dashboard/customers/${holder.id}`);
  // Nothing was saved by the refused edit.
  expect((await getCustomer(request, workspace.testKey, bob.id)).email).toBe("bob@example.com");

  await details.getByLabel("External ID").fill("crm_bob");
  await details.getByLabel("Name").fill("Bob Builder");
  await details.getByLabel("Phone").fill("");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("button", { name: "Edit details" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bob Builder");
  await expect(details.locator('[data-field="externalId"]')).toHaveText("crm_bob");
  expect(await getCustomer(request, workspace.testKey, bob.id)).toMatchObject({
    name: "Bob Builder",
    email: "bob@example.org",
    externalId: "crm_bob",
  });

  await details.getByRole("button", { name: "Edit details" }).click();
  await details.getByLabel("External ID").fill("crm_taken");
  await details.getByRole("button", { name: "Save details" }).click();
  await details.getByRole("link", { name: "Open the customer with this external ID" }).click();
  await expect(page).toHaveURL(`/dashboard/customers/${holder.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Holder");
});

test("metadata is added, changed and removed inline, within the API's limits", async ({
  page,
  request,
  workspace,
}) => {
  const [carol] = await createCustomers(request, workspace.testKey, [
    { name: "Carol", metadata: { plan: "gold", seats: "3" } },
  ]);
  await page.goto(`/dashboard/customers/${carol.id}`);
  const panel = page.getByRole("region", { name: "Metadata" });
  await expect(panel.locator("tbody tr")).toHaveText([/plan\s*gold/, /seats\s*3/]);

  await panel.getByRole("button", { name: "Edit metadata" }).click();
  await panel.getByLabel("Value 1").fill("platinum");
  await panel.getByRole("button", { name: "Remove seats" }).click();
  await panel.getByRole("button", { name: "Add entry" }).click();
  await panel.getByLabel("Key 2").fill("bad[key]");
  await panel.getByLabel("Value 2").fill("x");
  await panel.getByRole("button", { name: "Save metadata" }).click();
  await expect(panel.getByRole("alert")).toHaveText("metadata.bad[key]: keys must not contain [ or ]");
  await expect(panel.getByLabel("Key 2")).toHaveAttribute("aria-invalid", "true");
  // The rows survive the refused save, so the fix is one edit away.
  await expect(panel.getByLabel("Value 1")).toHaveValue("platinum");
  expect((await getCustomer(request, workspace.testKey, carol.id)).metadata).toEqual({
    plan: "gold",
    seats: "3",
  });

  await panel.getByLabel("Key 2").fill("region");
  await panel.getByLabel("Value 2").fill("  Jakarta Selatan ");
  await panel.getByRole("button", { name: "Save metadata" }).click();
  await expect(panel.getByRole("button", { name: "Edit metadata" })).toBeVisible();
  await expect(panel.locator("tbody tr")).toHaveText([/plan\s*platinum/, /region\s*Jakarta Selatan/]);
  expect((await getCustomer(request, workspace.testKey, carol.id)).metadata).toEqual({
    plan: "platinum",
    region: "  Jakarta Selatan ",
  });

  // Removing every row and saving clears the map.
  await panel.getByRole("button", { name: "Edit metadata" }).click();
  await panel.getByRole("button", { name: "Remove plan" }).click();
  await panel.getByRole("button", { name: "Remove region" }).click();
  await panel.getByRole("button", { name: "Save metadata" }).click();
  await expect(panel.getByText("No metadata.")).toBeVisible();
  expect((await getCustomer(request, workspace.testKey, carol.id)).metadata).toEqual({});
});

test("archive hides a customer from the default list, the archived filter shows it, unarchive brings it back", async ({
  page,
  request,
  workspace,
}) => {
  const [dave, erin] = await createCustomers(request, workspace.testKey, [
    { name: "Dave Archive" },
    { name: "Erin Stays" },
  ]);
  const listRow = (p: Page, id = dave.id) => p.locator(`tr[data-customer-id="${id}"]`);
  await page.goto(`/dashboard/customers/${dave.id}`);
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByTestId("customer-status")).toContainText("Archived on");
  await expect(page.getByRole("button", { name: "Unarchive" })).toBeVisible();
  expect((await getCustomer(request, workspace.testKey, dave.id)).archivedAt).not.toBeNull();

  await page.goto("/dashboard/customers");
  await expect(listRow(page, erin.id)).toHaveCount(1);
  await expect(listRow(page)).toHaveCount(0);
  await page.goto("/dashboard/customers?archived=true");
  await expect(listRow(page)).toHaveCount(1);

  await page.goto(`/dashboard/customers/${dave.id}`);
  await page.getByRole("button", { name: "Unarchive" }).click();
  await expect(page.getByRole("button", { name: "Archive", exact: true })).toBeVisible();
  await expect(page.getByTestId("customer-status")).toHaveCount(0);
  await page.goto("/dashboard/customers");
  await expect(listRow(page)).toHaveCount(1);
});

test.describe("not found", () => {
  // The browser reports each 404 document it loads as a console error: here, that is the point.
  test.use({ expectedBrowserErrors: [/status of 404 \(Not Found\)/] });

  test("an unknown ID, another workspace's customer and the other mode's are all a 404 page", async ({
    page,
    request,
    workspace,
    browser,
    baseURL,
  }) => {
    const unknown = await page.goto("/dashboard/customers/cus_01JUNKNOWN0000000000000000");
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No such customer" })).toBeVisible();

    const liveCustomer = await apiRequest(request, workspace.liveKey, "POST", "/customers", {
      name: "Live One",
    });
    const live = await liveCustomer.json();
    const otherMode = await page.goto(`/dashboard/customers/${live.id}`);
    expect(otherMode?.status()).toBe(404);

    const stranger = await browser.newContext({ baseURL });
    const strangerPage = await stranger.newPage();
    const other = await signUp(strangerPage, "Other Shop");
    const [theirs] = await createCustomers(request, other.testKey, [{ name: "Not Yours" }]);
    await stranger.close();
    const foreign = await page.goto(`/dashboard/customers/${theirs.id}`);
    expect(foreign?.status()).toBe(404);
    await expect(page.getByText("Not Yours")).toHaveCount(0);
  });
});
