// spec/dashboard.md, "Customers list": a row opens its customer. The rows are plain links with one
// client component (components/customers/row-links.tsx) doing what next/link would, minus prefetching.
import { createCustomers, expect, test } from "./support/workspace";

test("a row's link navigates within the page, opens a new tab with a modifier, and prefetches nothing", async ({
  page,
  context,
  request,
  workspace,
}) => {
  const [first, second] = await createCustomers(request, workspace.testKey, [
    { name: "Nav One" },
    { name: "Nav Two" },
  ]);
  const fetched: string[] = [];
  page.on("request", (sent) => {
    const { pathname } = new URL(sent.url());
    if (pathname.startsWith("/dashboard/customers/cus_")) fetched.push(pathname);
  });
  await page.goto("/dashboard/customers");
  const link = (id: string) => page.locator(`tr[data-customer-id="${id}"]`).getByRole("link");
  await expect(link(second.id)).toBeVisible();
  // Rows in view are not fetched ahead (next/link prefetched every one of them).
  await page.waitForTimeout(1500);
  expect(fetched).toEqual([]);
  await page.evaluate(() => ((window as unknown as { marker?: number }).marker = 1));

  // A modified click is the browser's own: a new tab, and this page stays.
  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    link(first.id).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await expect(tab).toHaveURL(new RegExp(`/dashboard/customers/${first.id}$`));
  await tab.close();
  await expect(page).toHaveURL(/\/dashboard\/customers$/);

  // Hovering fetches nothing; a plain click navigates without reloading the document.
  await link(second.id).hover();
  await page.waitForTimeout(500);
  expect(fetched).toEqual([]);
  await link(second.id).click();
  await expect(page).toHaveURL(`/dashboard/customers/${second.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nav Two");
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});
