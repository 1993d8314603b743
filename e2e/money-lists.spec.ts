// spec/dashboard.md, "Layout": the Payments, Subscriptions and Invoices lists. There is no public
// API to create payments yet, so the lists are read from the demo workspace the e2e server seeds
// (test mode: about 200 payments, 30 subscriptions and 60 invoices over 130 customers).
import type { Page } from "@playwright/test";
import { createCustomers, expect, signIn, test } from "./support/workspace";

const DEMO = { email: "demo@plugipay.test", password: "plugipay-demo" };

// What formatMoney shows for the seed's currencies: rupiah without decimals, others with cents.
const IDR = /^Rp\s\d{1,3}(\.\d{3})*$/;
const MONEY = /^(Rp\s\d{1,3}(\.\d{3})*|\$\d{1,3}(,\d{3})*\.\d{2}|SGD\s\d{1,3}(,\d{3})*\.\d{2})$/;

async function signInAsDemo(page: Page) {
  await page.goto("/login");
  await signIn(page, DEMO);
  await page.waitForURL("**/dashboard/customers");
}

const pages = [
  {
    path: "/dashboard/payments",
    title: "Payments",
    headers: ["Amount", "Status", "Customer", "Description", "Created"],
    amountColumn: 0,
    customerColumn: 2,
    amount: MONEY,
  },
  {
    path: "/dashboard/subscriptions",
    title: "Subscriptions",
    headers: ["Customer", "Status", "Amount", "Current period ends", "Created"],
    amountColumn: 2,
    customerColumn: 0,
    amount: /^Rp\s\d{1,3}(\.\d{3})* \/ (month|year)$/,
  },
  {
    path: "/dashboard/invoices",
    title: "Invoices",
    headers: ["Number", "Customer", "Status", "Amount due", "Created"],
    amountColumn: 3,
    customerColumn: 1,
    amount: MONEY,
  },
];

for (const list of pages) {
  test(`${list.title}: rows link to their customer by name, amounts are formatted, and the customerId filter narrows and clears`, async ({
    page,
  }) => {
    await signInAsDemo(page);
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: list.title }).click();
    await expect(page).toHaveURL(list.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(list.title);
    await expect(page.getByRole("link", { name: list.title, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.locator("thead th")).toHaveText(list.headers);

    const rows = page.locator("tbody tr");
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(50);
    const amounts = await rows.locator(`td:nth-child(${list.amountColumn + 1})`).allInnerTexts();
    for (const amount of amounts) expect(amount.replace(/\s/g, " ")).toMatch(list.amount);
    if (list.title === "Payments")
      expect(amounts.some((amount) => IDR.test(amount.replace(/\s/g, " ")))).toBe(true);
    // Dates are <time dateTime>.
    await expect(rows.first().locator("time").last()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T.*Z$/);

    // Every row names its customer with a link to the customer's page.
    const links = rows.locator(`td:nth-child(${list.customerColumn + 1})`).getByTestId("customer-link");
    await expect(links).toHaveCount(count);
    const href = (await links.first().getAttribute("href"))!;
    expect(href).toMatch(/^\/dashboard\/customers\/cus_[0-9A-Z]{26}$/);
    const customerId = href.split("/").pop()!;
    const name = (await links.first().innerText()).trim();
    expect(name).not.toBe("");

    // The filter: only that customer's rows, a removable chip, kept in the URL.
    await page.goto(`${list.path}?customerId=${customerId}`);
    const chip = page.getByText(`Customer: ${name}`, { exact: true });
    await expect(chip).toBeVisible();
    const filtered = page.locator("tbody tr").getByTestId("customer-link");
    expect(await filtered.count()).toBeGreaterThan(0);
    for (const link of await filtered.all()) await expect(link).toHaveAttribute("href", href);
    await page.getByRole("link", { name: `Remove the customer filter ${name}` }).click();
    await expect(page).toHaveURL(list.path);
    await expect(chip).toHaveCount(0);

    // Following the link opens the customer.
    await page.goto(`${list.path}?customerId=${customerId}`);
    await page.locator("tbody tr").first().getByTestId("customer-link").click();
    await expect(page).toHaveURL(href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });
}

test("Payments: 50 a page, Next and First page with the cursor in the URL, a broken cursor explained", async ({
  page,
}) => {
  await signInAsDemo(page);
  await page.goto("/dashboard/payments");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole("link", { name: "First page" })).toHaveCount(0);
  const firstPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row-id")));

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/dashboard\/payments\?cursor=/);
  await expect(rows.first()).not.toHaveAttribute("data-row-id", firstPage[0]!);
  const secondPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row-id")));
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  // Reloading resumes exactly there.
  await page.reload();
  await expect(rows.first()).toHaveAttribute("data-row-id", secondPage[0]!);

  const nextUrl = page.url();
  await page.getByRole("link", { name: "First page" }).click();
  await expect(page).toHaveURL("/dashboard/payments");
  await expect(rows.first()).toHaveAttribute("data-row-id", firstPage[0]!);

  await page.goto(`${nextUrl.slice(0, -3)}xyz`);
  await expect(page.getByText("This page link has expired or is incomplete.")).toBeVisible();
  await page.getByRole("link", { name: "Go to the first page" }).click();
  await expect(page).toHaveURL("/dashboard/payments");
  await expect(rows).toHaveCount(50);
});

test("a new workspace: each list explains itself, and a customer without any shows a way back", async ({
  page,
  request,
  workspace,
}) => {
  const [customer] = await createCustomers(request, workspace.testKey, [{ name: "Ada <b>Lovelace</b>" }]);
  for (const [path, noun] of [
    ["/dashboard/payments", "payments"],
    ["/dashboard/subscriptions", "subscriptions"],
    ["/dashboard/invoices", "invoices"],
  ]) {
    await page.goto(path);
    await expect(page.getByText(`No ${noun} yet`)).toBeVisible();
    await expect(page.locator("table")).toHaveCount(0);
    await page.goto(`${path}?customerId=${customer.id}`);
    // User text stays text.
    await expect(page.getByText("Customer: Ada <b>Lovelace</b>", { exact: true })).toBeVisible();
    await expect(page.getByText(`This customer has no ${noun}.`)).toBeVisible();
    await page.getByRole("link", { name: `Show all ${noun}` }).click();
    await expect(page).toHaveURL(path);
  }
});
