// spec/dashboard.md, "Customer page" actions: Merge into… (pick the survivor, preview what moves,
// confirm) and Erase personal data (type the ID to confirm; irreversible).
import { apiRequest, createCustomers, expect, payCheckout, test } from "./support/workspace";

test("merge: pick the survivor among same-email customers, preview the counts, confirm, land on the survivor", async ({
  page,
  request,
  workspace,
}) => {
  const [duplicate, survivor] = await createCustomers(request, workspace.testKey, [
    { name: "Alice Dup", email: "alice.shared@example.com", externalId: "crm_dup" },
    { name: "Alice Smith", email: "alice.shared@example.com" },
  ]);
  for (let i = 0; i < 2; i++) {
    await payCheckout(request, workspace.testKey, {
      customerId: duplicate.id,
      amount: 100_000,
      currency: "IDR",
    });
  }
  await payCheckout(request, workspace.testKey, { customerId: survivor.id, amount: 50_000, currency: "IDR" });

  await page.goto(`/dashboard/customers/${duplicate.id}`);
  await page.getByRole("link", { name: "Merge into…" }).click();
  await expect(page).toHaveURL(`/dashboard/customers/${duplicate.id}/merge`);
  await expect(page.getByText("Other customers with the email alice.shared@example.com")).toBeVisible();
  await expect(page.locator("[data-candidate-id]")).toHaveCount(1);
  await page.getByRole("link", { name: "Merge into Alice Smith" }).click();
  await expect(page).toHaveURL(`/dashboard/customers/${duplicate.id}/merge?into=${survivor.id}`);

  const moves = page.getByRole("list", { name: "What moves" });
  await expect(moves.locator('[data-moves="payments"]')).toHaveText("2 payments move to Alice Smith");
  await expect(moves.locator('[data-moves="subscriptions"]')).toHaveText(
    "0 subscriptions move to Alice Smith",
  );
  await expect(moves.locator('[data-moves="invoices"]')).toHaveText("0 invoices move to Alice Smith");
  await expect(moves).toContainText("its external ID crm_dup is freed");
  await page.getByRole("button", { name: "Merge into Alice Smith" }).click();

  await expect(page).toHaveURL(`/dashboard/customers/${survivor.id}?merged=${duplicate.id}`);
  await expect(page.getByRole("status").filter({ hasText: `Merged ${duplicate.id}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alice Smith");
  await expect(page.getByTestId("lifetime-revenue")).toHaveText(/^Rp\s?250\.000$/);
  await expect(page.locator("tbody tr")).toHaveCount(3);

  const source = await (
    await apiRequest(request, workspace.testKey, "GET", `/customers/${duplicate.id}`)
  ).json();
  expect(source).toMatchObject({ mergedIntoId: survivor.id, externalId: null });
  expect(source.archivedAt).not.toBeNull();
  await page.goto(`/dashboard/customers/${duplicate.id}`);
  await expect(page.getByTestId("customer-status")).toContainText("Merged into");
  await expect(page.getByRole("link", { name: "Merge into…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Unarchive" })).toHaveCount(0);
  await expect(page.getByTestId("lifetime-revenue")).toHaveText("—");
  await page.getByTestId("customer-status").getByRole("link", { name: survivor.id }).click();
  await expect(page).toHaveURL(`/dashboard/customers/${survivor.id}`);
  // The freed externalId can be given to someone else at once.
  const reused = await apiRequest(request, workspace.testKey, "POST", "/customers", {
    externalId: "crm_dup",
  });
  expect(reused.status()).toBe(201);
});

test("merge: search finds the survivor; an archived survivor or the customer itself is refused in words", async ({
  page,
  request,
  workspace,
}) => {
  const [source, archived, other] = await createCustomers(request, workspace.testKey, [
    { name: "Budi Source" },
    { name: "Budi Archived" },
    { name: "Budi Other", externalId: "crm_budi" },
  ]);
  await apiRequest(request, workspace.testKey, "PATCH", `/customers/${archived.id}`, { archived: true });

  await page.goto(`/dashboard/customers/${source.id}/merge`);
  await page.getByLabel("Find by name, email, external ID or ID").fill("crm_budi");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=crm_budi/);
  await expect(page.locator("[data-candidate-id]")).toHaveCount(1);
  await expect(page.locator(`[data-candidate-id="${other.id}"]`)).toBeVisible();

  // A hand-made link to an archived survivor, or to the customer itself: refused before anything moves.
  await page.goto(`/dashboard/customers/${source.id}/merge?into=${archived.id}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("archived");
  await expect(page.getByRole("button", { name: /^Merge into/ })).toHaveCount(0);
  await page.goto(`/dashboard/customers/${source.id}/merge?into=${source.id}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("merged into itself");
  await page.getByRole("link", { name: "Choose another customer" }).click();
  await expect(page).toHaveURL(`/dashboard/customers/${source.id}/merge`);
  const after = await (await apiRequest(request, workspace.testKey, "GET", `/customers/${source.id}`)).json();
  expect(after).toMatchObject({ archivedAt: null, mergedIntoId: null });
});

test("erase: the button waits for the typed ID, then the customer is a tombstone and stays one", async ({
  page,
  request,
  workspace,
}) => {
  const [customer] = await createCustomers(request, workspace.testKey, [
    {
      name: "Citra Lestari",
      email: "citra@example.com",
      externalId: "crm_citra",
      metadata: { note: "VIP" },
    },
  ]);
  await payCheckout(request, workspace.testKey, { customerId: customer.id, amount: 75_000, currency: "IDR" });

  await page.goto(`/dashboard/customers/${customer.id}`);
  await page.getByRole("link", { name: "Erase personal data" }).click();
  await expect(page).toHaveURL(`/dashboard/customers/${customer.id}/erase`);
  await expect(page.getByText("This cannot be undone.")).toBeVisible();
  const confirm = page.getByLabel(`Type ${customer.id} to confirm`);
  const erase = page.getByRole("button", { name: "Erase personal data" });
  await expect(erase).toBeDisabled();
  await confirm.fill(customer.id.slice(0, -1));
  await expect(erase).toBeDisabled();
  await confirm.fill(customer.id);
  await erase.click();

  await expect(page).toHaveURL(`/dashboard/customers/${customer.id}`);
  await expect(page.getByTestId("customer-status")).toContainText("Personal data erased on");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.id);
  await expect(page.getByRole("region", { name: "Metadata" }).getByText("No metadata.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Erase personal data" })).toHaveCount(0);
  // History stays: the payment is still the customer's, and still counts.
  await expect(page.getByTestId("lifetime-revenue")).toHaveText(/^Rp\s?75\.000$/);
  const tombstone = await (
    await apiRequest(request, workspace.testKey, "GET", `/customers/${customer.id}`)
  ).json();
  expect(tombstone).toMatchObject({ name: null, email: null, phone: null, taxId: null, metadata: {} });
  expect(tombstone.redactedAt).not.toBeNull();

  // Only the external ID can still be edited.
  const details = page.getByRole("region", { name: "Details" });
  await details.getByRole("button", { name: "Edit details" }).click();
  await expect(details.getByLabel("Name")).toHaveCount(0);
  await expect(details.getByLabel("External ID")).toBeVisible();
  await page.goto(`/dashboard/customers/${customer.id}/erase`);
  await expect(page.getByText("already been erased")).toBeVisible();
});
