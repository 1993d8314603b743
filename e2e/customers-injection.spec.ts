// spec/dashboard.md, "Everywhere": user-supplied text is rendered as text, never as HTML — on the
// customers list, in its search, and on the customer page (header, details, metadata).
import { createCustomers, expect, test } from "./support/workspace";

const SCRIPT = "<script>window.__injected = 1</script>";
const SQL = "'; DROP TABLE customers; --";

test("markup and SQL in customer data show literally on the list and the customer page; nothing runs", async ({
  page,
  request,
  workspace,
}) => {
  const [customer] = await createCustomers(request, workspace.testKey, [
    {
      name: SCRIPT,
      email: "o'hara%_1@example.com",
      externalId: SQL,
      metadata: { [SCRIPT]: `<img src=x onerror="window.__injected = 2">`, note: SQL },
    },
  ]);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const injected = () => page.evaluate(() => (window as { __injected?: number }).__injected ?? 0);

  await page.goto(`/dashboard/customers?q=${encodeURIComponent("<script>")}`);
  const row = page.locator(`tr[data-customer-id="${customer.id}"]`);
  await expect(row.getByTestId("display-name")).toHaveText(SCRIPT);
  await expect(row.locator("td").nth(2)).toHaveText(SQL);
  await expect(page.locator("tbody script")).toHaveCount(0);

  // A NUL character cannot reach a query: the search is dropped, as any unreadable URL value is.
  const withNul = await page.goto("/dashboard/customers?q=%00");
  expect(withNul?.status()).toBe(200);
  await expect(row).toBeVisible();

  await page.goto(`/dashboard/customers?q=${encodeURIComponent("<script>")}`);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/customers/${customer.id}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SCRIPT);
  await expect(page.getByText(SQL, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`<img src=x onerror="window.__injected = 2">`, { exact: true })).toBeVisible();
  await expect(page.locator("main script, main img")).toHaveCount(0);

  expect(await injected()).toBe(0);
  expect(dialogs).toBe(0);
});
