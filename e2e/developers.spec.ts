// spec/dashboard.md: "/dashboard/developers" and the test-mode switch.
import { apiRequest, createCustomers, expect, test } from "./support/workspace";

test("the Developers page lists keys by their last 4 only, creates one shown once, and revokes", async ({
  page,
  request,
  workspace,
}) => {
  await page.goto("/dashboard/developers");
  await expect(page.getByRole("heading", { level: 1, name: "Developers" })).toBeVisible();
  const keyRows = page.locator("tbody tr[data-key-id]");
  await expect(keyRows).toHaveCount(1);
  await expect(keyRows.first()).toContainText(`sk_test_…${workspace.testKey.slice(-4)}`);
  const html = await page.content();
  expect(html).not.toContain(workspace.testKey);
  expect(html).not.toContain(workspace.testKey.slice(8, -4));

  await page.getByLabel("Key name (optional)").fill("Billing server");
  await page.getByRole("button", { name: "Create test key" }).click();
  await expect(page.getByText("Copy it now: it will not be shown again.")).toBeVisible();
  const secret = (await page.locator("[data-secret-key]").textContent()) ?? "";
  expect(secret).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
  await expect(keyRows).toHaveCount(2);
  expect((await apiRequest(request, secret, "GET", "/customers")).status()).toBe(200);

  await page.reload();
  await expect(page.locator("[data-secret-key]")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  const billing = keyRows.filter({ hasText: "Billing server" });
  await expect(billing).toContainText(`sk_test_…${secret.slice(-4)}`);

  await billing.getByRole("button", { name: "Revoke" }).click();
  await billing.getByRole("button", { name: "Revoke key" }).click();
  await expect(billing).toContainText("Revoked");
  expect((await apiRequest(request, secret, "GET", "/customers")).status()).toBe(401);
  // The other key still works.
  expect((await apiRequest(request, workspace.testKey, "GET", "/customers")).status()).toBe(200);
});

test("the test-mode switch shows live and test data apart, never mixed", async ({
  page,
  request,
  workspace,
}) => {
  await createCustomers(request, workspace.testKey, [{ name: "Tess Testmode" }]);
  await createCustomers(request, workspace.liveKey, [{ name: "Liv Livemode" }]);
  await page.goto("/dashboard/customers");
  const modeSwitch = page.getByRole("switch", { name: "Test mode" });
  await expect(modeSwitch).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("display-name")).toHaveText(["Tess Testmode"]);

  await modeSwitch.click();
  await expect(modeSwitch).toHaveAttribute("aria-checked", "false");
  await expect(page.getByTestId("display-name")).toHaveText(["Liv Livemode"]);
  await page.goto("/dashboard/developers");
  await expect(page.locator("tbody tr[data-key-id]")).toContainText([
    `sk_live_…${workspace.liveKey.slice(-4)}`,
  ]);
  await expect(page.getByRole("button", { name: "Create live key" })).toBeVisible();

  await page.getByRole("switch", { name: "Test mode" }).click();
  await expect(page.getByRole("switch", { name: "Test mode" })).toHaveAttribute("aria-checked", "true");
  await page.goto("/dashboard/customers");
  await expect(page.getByTestId("display-name")).toHaveText(["Tess Testmode"]);
});

test("every sidebar section is reachable and highlighted when current", async ({ page, workspace }) => {
  expect(workspace.email).toBeTruthy();
  await page.goto("/dashboard");
  await expect(page).toHaveURL("/dashboard/customers");
  for (const section of ["Payments", "Subscriptions", "Invoices", "Developers", "Customers"]) {
    const link = page
      .getByRole("navigation", { name: "Dashboard" })
      .getByRole("link", { name: section, exact: true });
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
    await expect(link).toHaveAttribute("aria-current", "page");
  }
});
