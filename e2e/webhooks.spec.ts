// The Developers page's webhooks section: add an endpoint (secret shown once), see its deliveries, resend one.
import { createCustomers, expect, test } from "./support/workspace";

test("adds a webhook endpoint, shows its secret once, lists deliveries and resends one", async ({
  page,
  request,
  workspace,
}) => {
  await page.goto("/dashboard/developers");
  await expect(page.getByRole("heading", { name: "Webhooks (test)" })).toBeVisible();
  await expect(page.getByText("No test webhook endpoints yet.")).toBeVisible();

  await page.getByLabel("Events").fill("customer.created, nope");
  await page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hooks");
  await page.getByRole("button", { name: "Add test endpoint" }).click();
  await expect(page.getByText(/events\.1: must be one of/)).toBeVisible();

  await page.getByLabel("Events").fill("*");
  await page.getByRole("button", { name: "Add test endpoint" }).click();
  await expect(page.getByText("Copy its signing secret now: it will not be shown again.")).toBeVisible();
  const secret = (await page.locator("[data-secret-key]").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  await expect(page.locator("tr[data-endpoint-id]")).toContainText(["http://127.0.0.1:9/hooks"]);

  // Nothing listens on port 9: the delivery fails and waits for its retry.
  await createCustomers(request, workspace.testKey, [{ name: "Hooked" }]);
  await expect(async () => {
    await page.reload();
    await expect(page.locator("tr[data-delivery-id]").first()).toContainText("Network error", {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  expect(await page.content()).not.toContain(secret);
  const delivery = page.locator("tr[data-delivery-id]").first();
  await expect(delivery).toContainText("customer.created");
  await expect(delivery).toContainText("pending");
  await delivery.getByRole("button", { name: "Resend" }).click();
  await expect(delivery.getByRole("button", { name: "Resend" })).toBeEnabled();
  await expect(delivery.getByRole("alert")).toHaveCount(0);
});
