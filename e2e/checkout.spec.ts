// The hosted checkout (spec/dashboard.md, "Hosted checkout"): a guest pays, and the customer appears
// in the merchant's list by itself.
import { apiRequest, expect, test } from "./support/workspace";

test("a guest pays a test checkout on a phone, then the merchant finds the new customer in the list", async ({
  page,
  request,
  workspace,
  browser,
  baseURL,
}) => {
  const created = await apiRequest(request, workspace.testKey, "POST", "/checkout/sessions", {
    amount: 125000,
    currency: "IDR",
    description: "Kopi Susu x2",
  });
  expect(created.status()).toBe(201);
  const session = await created.json();
  const email = `guest-${Date.now()}@example.com`;

  const guest = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const payer = await guest.newPage();
  await payer.goto(new URL(session.url).pathname);
  await expect(payer.getByTestId("checkout-amount")).toHaveText(/^Rp\s?125\.000$/);
  await expect(payer.getByText("Kopi Susu x2")).toBeVisible();
  await payer.getByLabel("Email").fill(email);
  await payer.getByLabel("Name").fill("Sari Wulandari");
  await payer.getByRole("button", { name: "Pay with test card" }).click();
  await expect(payer.getByRole("heading", { name: "Payment received" })).toBeVisible();
  const scrollWidth = await payer.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
  expect(scrollWidth).toBeLessThanOrEqual(360);
  // Coming back to a paid checkout shows its receipt; it cannot be paid again.
  await payer.reload();
  await expect(payer.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await expect(payer.getByRole("button", { name: "Pay with test card" })).toHaveCount(0);
  await guest.close();

  await page.goto(`/dashboard/customers?email=${encodeURIComponent(email)}`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("display-name")).toHaveText("Sari Wulandari");
  await expect(rows.first().getByTestId("avatar")).toHaveText("SW");
  await expect(rows.first().locator("td").nth(1)).toHaveText(email);
  const after = await (
    await apiRequest(request, workspace.testKey, "GET", `/checkout/sessions/${session.id}`)
  ).json();
  expect(after).toMatchObject({ status: "complete", paymentId: expect.stringMatching(/^pay_/) });
});

test("the hosted page refuses a bad email in place, and an unknown checkout is not found", async ({
  page,
  request,
  workspace,
}) => {
  const session = await (
    await apiRequest(request, workspace.testKey, "POST", "/checkout/sessions", {
      amount: 1250,
      currency: "USD",
    })
  ).json();
  await page.context().clearCookies();
  await page.goto(`/checkout/${session.id}`);
  await expect(page.getByTestId("checkout-amount")).toHaveText("$12.50");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Pay with test card" }).click();
  await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address.");
  const after = await (
    await apiRequest(request, workspace.testKey, "GET", `/checkout/sessions/${session.id}`)
  ).json();
  expect(after.status).toBe("open");
});

test.describe("an unknown checkout", () => {
  test.use({ expectedBrowserErrors: [/Failed to load resource: .* 404/] });

  test("is a 404 page", async ({ page }) => {
    const response = await page.goto("/checkout/cs_01AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
