import { expect, test } from "./support/fixtures";

test("the home page names the product and links to the API's health", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Plugipay" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API health" })).toHaveAttribute("href", "/api/health");
});

test("/api/health answers ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("/api/ready answers ready: the production build's database is migrated", async ({ request }) => {
  const response = await request.get("/api/ready");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ready" });
});

test.describe("an unknown address", () => {
  // Chromium logs the 404 of the document itself as a console error.
  test.use({ expectedBrowserErrors: [/\/no-such-page: Failed to load resource: .* 404/] });

  test("is a 404 with a page that says so", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("on a 360px-wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the home page does not scroll sideways", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  });
});
