// spec/dashboard.md, "Customers list".
import { apiRequest, createCustomers, expect, signIn, test, type NewCustomer } from "./support/workspace";

const HEADER = "Everyone who's ever paid you, pending, or has an active subscription.";

test("the header, the columns in order, and each cell as the spec writes it", async ({
  page,
  request,
  workspace,
}) => {
  const [alice, nameless, blank, xss] = await createCustomers(request, workspace.testKey, [
    { name: "Alice Smith", email: "alice@example.com", externalId: "crm_1" },
    { email: "alice.smith@x.com" },
    {},
    { name: "<img src=x onerror=alert(1)>" },
  ]);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.goto("/dashboard/customers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Customers");
  await expect(page.getByText(HEADER, { exact: true })).toBeVisible();
  await expect(page.locator("thead th")).toHaveText([/^Customer/, /^Email/, /^External ID/, /^Created/]);

  const row = (id: string) => page.locator(`tr[data-customer-id="${id}"]`);
  await expect(row(alice.id).locator("td")).toHaveText([
    /AS\s*Alice Smith/,
    "alice@example.com",
    "crm_1",
    /\w{3} \d{1,2}, \d{4}/,
  ]);
  await expect(row(alice.id).getByTestId("avatar")).toHaveText("AS");
  // No name: the display name is the ID, initials come from the email's local part.
  await expect(row(nameless.id).getByTestId("display-name")).toHaveText(nameless.id);
  await expect(row(nameless.id).getByTestId("avatar")).toHaveText("AS");
  // Neither: the ID, an em-dash for the email, empty external ID, and the neutral glyph.
  await expect(row(blank.id).locator("td").nth(1)).toHaveText("—");
  await expect(row(blank.id).locator("td").nth(2)).toHaveText("");
  await expect(row(blank.id).getByTestId("avatar-glyph")).toBeVisible();
  // User text is text: the markup shows literally and nothing runs.
  await expect(row(xss.id).getByTestId("display-name")).toHaveText("<img src=x onerror=alert(1)>");
  await expect(row(xss.id).locator("img")).toHaveCount(0);
  expect(dialogs).toBe(0);

  const created = (
    await (await apiRequest(request, workspace.testKey, "GET", `/customers/${alice.id}`)).json()
  ).createdAt;
  const time = row(alice.id).locator("time");
  await expect(time).toHaveAttribute("datetime", created);
  const expected = new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(created));
  await expect(time).toHaveText(expected);
  // Each row links to the customer's page.
  await row(alice.id).getByRole("link").click();
  await expect(page).toHaveURL(`/dashboard/customers/${alice.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alice Smith");
});

test("newest first, 50 a page, Next and First page, and a page-3 bookmark that resumes exactly in a new browser", async ({
  page,
  request,
  workspace,
  browser,
  baseURL,
}) => {
  // Three batches, so creation times differ between pages.
  test.slow();
  const batches: NewCustomer[][] = [0, 1, 2].map((batch) =>
    Array.from({ length: batch === 2 ? 20 : 50 }, (_, index) => ({
      name: `Batch${batch} Customer ${index}`,
    })),
  );
  for (const batch of batches) await createCustomers(request, workspace.testKey, batch);

  await page.goto("/dashboard/customers");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("Batch2");
  await expect(page.getByRole("link", { name: "First page" })).toHaveCount(0);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(rows).toHaveCount(20);
  await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);
  const pageThree = page.url();
  const pageThreeIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-customer-id")));
  await expect(rows.first()).toContainText("Batch0");

  // The bookmark, opened in a browser that has never signed in.
  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto(pageThree);
  await expect(other).toHaveURL(/\/login\?next=/);
  await signIn(other, workspace);
  await other.waitForURL(pageThree);
  const resumed = other.locator("tbody tr");
  await expect(resumed).toHaveCount(20);
  expect(await resumed.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-customer-id")))).toEqual(
    pageThreeIds,
  );
  await other.reload();
  await expect(resumed).toHaveCount(20);
  await fresh.close();

  await page.getByRole("link", { name: "First page" }).click();
  await expect(page).toHaveURL("/dashboard/customers");
  await expect(rows).toHaveCount(50);
});

test("?email= filters case-insensitively, shows a removable chip and survives Next / First page", async ({
  page,
  request,
  workspace,
}) => {
  const shared = Array.from({ length: 55 }, (_, index) => ({
    name: `Shared ${index}`,
    email: index % 2 ? "Shared@Example.com" : "shared@example.com",
  }));
  await createCustomers(request, workspace.testKey, shared);
  // Created last, so it is the newest and on the unfiltered list's first page.
  await createCustomers(request, workspace.testKey, [{ name: "Someone Else", email: "else@example.com" }]);
  await page.goto("/dashboard/customers?email=SHARED@example.com");
  await expect(page.getByText("Email: SHARED@example.com")).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/email=SHARED%40example\.com.*cursor=/);
  await expect(rows).toHaveCount(5);
  await expect(page.getByText("Email: SHARED@example.com")).toBeVisible();
  await page.getByRole("link", { name: "First page" }).click();
  await expect(page).toHaveURL("/dashboard/customers?email=SHARED%40example.com");
  await page.getByRole("link", { name: "Remove the email filter SHARED@example.com" }).click();
  await expect(page).toHaveURL("/dashboard/customers");
  await expect(page.getByText(/^Email: /)).toHaveCount(0);
  await expect(page.getByText("Someone Else")).toBeVisible();
});

test("an empty workspace explains how customers arrive, with a copy-ready curl", async ({
  page,
  workspace,
}) => {
  expect(workspace.testKey).toBeTruthy();
  await page.goto("/dashboard/customers");
  await expect(page.getByRole("heading", { name: "No customers yet" })).toBeVisible();
  await expect(page.getByText(/checkout/)).toBeVisible();
  const curl = page.locator("pre code");
  await expect(curl).toContainText("/v1/customers");
  await expect(curl).toContainText("-u sk_test_xxx:");
  await expect(page.getByRole("button", { name: "Copy command" })).toBeVisible();
});

test("a filter with no match says so and offers to clear it", async ({ page, request, workspace }) => {
  await createCustomers(request, workspace.testKey, [{ name: "Alice Smith", email: "alice@example.com" }]);
  await page.goto("/dashboard/customers?email=nobody@example.com");
  await expect(page.getByText("No customer has the email nobody@example.com.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL("/dashboard/customers");
  await expect(page.getByText("Alice Smith")).toBeVisible();
});

test("a broken cursor shows a friendly message and a link to the first page, never an error page", async ({
  page,
  request,
  workspace,
}) => {
  await createCustomers(request, workspace.testKey, [{ name: "Alice Smith" }]);
  const response = await page.goto("/dashboard/customers?cursor=not-a-real-cursor");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("This page link has expired or is incomplete.")).toBeVisible();
  await page.getByRole("link", { name: "Go to the first page" }).click();
  await expect(page).toHaveURL("/dashboard/customers");
  await expect(page.getByText("Alice Smith")).toBeVisible();
});

test("search, sortable columns, created-date range and the archived filter all live in the URL", async ({
  page,
  request,
  workspace,
}) => {
  const [alice, , carol] = await createCustomers(request, workspace.testKey, [
    { name: "Alice Smith", email: "alice@example.com" },
    { name: "Bob Jones", email: "bob@example.com" },
    { name: "Carol White", email: "carol@example.com" },
  ]);
  const archive = await apiRequest(request, workspace.testKey, "PATCH", `/customers/${carol.id}`, {
    archived: true,
  });
  expect(archive.status()).toBe(200);

  await page.goto("/dashboard/customers");
  const names = page.getByTestId("display-name");
  await expect(names).toHaveCount(2);
  // Search: a part of the name, any case (the API's q).
  await page.getByLabel("Search").fill("lice SM");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL("/dashboard/customers?q=lice+SM");
  await expect(names).toHaveText(["Alice Smith"]);
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(names).toHaveCount(2);

  // Sort by name, then flip it.
  await page
    .locator("thead")
    .getByRole("link", { name: /^Customer/ })
    .click();
  await expect(page).toHaveURL("/dashboard/customers?sort=name");
  await expect(names).toHaveText(["Alice Smith", "Bob Jones"]);
  await expect(page.locator("th[aria-sort=ascending]")).toContainText("Customer");
  await page
    .locator("thead")
    .getByRole("link", { name: /^Customer/ })
    .click();
  await expect(page).toHaveURL("/dashboard/customers?sort=-name");
  await expect(names).toHaveText(["Bob Jones", "Alice Smith"]);

  // Archived filter, kept with the sort.
  await page.getByLabel("Show").selectOption("all");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL("/dashboard/customers?archived=all&sort=-name");
  await expect(names).toHaveText(["Carol White", "Bob Jones", "Alice Smith"]);
  await page.getByLabel("Show").selectOption("true");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(names).toHaveText(["Carol White"]);
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();

  // Created-date range: tomorrow onwards matches nobody; today matches them all.
  const createdAt: string = (
    await (await apiRequest(request, workspace.testKey, "GET", `/customers/${alice.id}`)).json()
  ).createdAt;
  const day = createdAt.slice(0, 10);
  const tomorrow = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/dashboard/customers?createdFrom=${tomorrow}`);
  await expect(page.getByText("No customers match these filters.")).toBeVisible();
  await page.goto("/dashboard/customers");
  await page.getByLabel("Created from").fill(day);
  await page.getByLabel("Created to").fill(day);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(`/dashboard/customers?createdFrom=${day}&createdTo=${day}`);
  await expect(names).toHaveCount(2);
});

test("Export CSV downloads the current filter's customers", async ({ page, request, workspace }) => {
  await createCustomers(request, workspace.testKey, [
    { name: "Alice Smith", email: "alice@example.com" },
    { name: "Bob Jones", email: "bob@example.com" },
  ]);
  await page.goto("/dashboard/customers?email=alice@example.com");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^customers-test-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("id,externalId,email,name,phone,taxId,createdAt,archivedAt,metadata");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Alice Smith");
});

test("New customer creates one through the same rules as the API, and a taken externalId links to its holder", async ({
  page,
  request,
  workspace,
}) => {
  const [holder] = await createCustomers(request, workspace.testKey, [
    { name: "Holder", externalId: "crm_42" },
  ]);
  await page.goto("/dashboard/customers");
  await page.getByRole("link", { name: "New customer" }).click();
  await page.getByLabel("Name").fill("Dewi Lestari");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByText("email: must be a valid email address").first()).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Dewi Lestari");

  await page.getByLabel("Email").fill("dewi@example.com");
  await page.getByLabel("External ID").fill("crm_42");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: `A customer with externalId 'crm_42' already exists: ${holder.id}.` }),
  ).toBeVisible();
  await expect(page.locator("#field-externalId-error")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open that customer" })).toHaveAttribute(
    "href",
    `/dashboard/customers/${holder.id}`,
  );
  await page.getByLabel("External ID").fill("crm_43");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dewi Lestari");
  await expect(page).toHaveURL(/\/dashboard\/customers\/cus_/);
  const id = page.url().split("/").pop();
  const fetched = await (await apiRequest(request, workspace.testKey, "GET", `/customers/${id}`)).json();
  expect(fetched).toMatchObject({
    name: "Dewi Lestari",
    email: "dewi@example.com",
    externalId: "crm_43",
    livemode: false,
  });
});
