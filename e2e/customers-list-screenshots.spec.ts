// spec/dashboard.md, "Layout" and "Customers list" at desktop width and at 360 px; the screenshots
// this saves under test-results/screenshots/ are the run's artifacts (one is in the README).
import { mkdirSync } from "node:fs";
import { createCustomers, expect, test } from "./support/workspace";

test.describe("screenshots and narrow screens", () => {
  test("the list at desktop width and at 360 px (sidebar collapsed, no sideways scroll)", async ({
    page,
    request,
    workspace,
  }) => {
    await createCustomers(request, workspace.testKey, [
      { name: "Alice Smith", email: "alice@example.com", externalId: "crm_10001" },
      { name: "Mary Jane Watson", email: "mj@example.com" },
      { name: "Cher" },
      { email: "bob@x.com" },
      { name: "Élodie Dupré", email: "elodie@example.fr" },
      { name: "Дмитрий Иванов", email: "dmitry@example.ru" },
      { name: "😀 Smile Co", email: "smile@example.com", externalId: "crm_10002" },
      {},
    ]);
    mkdirSync("test-results/screenshots", { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/dashboard/customers");
    await expect(page.locator("tbody tr")).toHaveCount(8);
    await expect(page.getByRole("link", { name: "Customers", exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await page.screenshot({ path: "test-results/screenshots/customers-desktop.png", fullPage: true });

    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expect(page.locator("tbody tr")).toHaveCount(8);
    const sections = page.locator("#dashboard-sections");
    await expect(sections).toBeHidden();
    const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await page.screenshot({ path: "test-results/screenshots/customers-narrow.png", fullPage: true });
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(sections).toBeVisible();
    await page.getByRole("link", { name: "Developers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Developers" })).toBeVisible();
    await expect(sections).toBeHidden();
  });
});

test("the customer, merge and erase pages at 360 px: long IDs and values wrap, nothing scrolls sideways", async ({
  page,
  request,
  workspace,
}) => {
  const [nameless] = await createCustomers(request, workspace.testKey, [
    {
      email: "a.very.long.address.for.a.narrow.screen@example.com",
      metadata: {
        note: "a long value that goes on and on to see how it wraps at 360 px",
        k: "x".repeat(120),
      },
    },
    { email: "a.very.long.address.for.a.narrow.screen@example.com", name: "Same Person" },
  ]);
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.setViewportSize({ width: 360, height: 740 });
  const pages = [
    [`/dashboard/customers/${nameless.id}`, "customer-narrow"],
    [`/dashboard/customers/${nameless.id}/merge`, "merge-narrow"],
    [`/dashboard/customers/${nameless.id}/erase`, "erase-narrow"],
  ];
  for (const [path, name] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(nameless.id);
    const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
    expect(scrollWidth, path).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
});
