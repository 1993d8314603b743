// Fresh workspaces for e2e tests, made the way a merchant makes one: through /signup in the browser.
// Each test gets its own, so tests run in parallel without seeing each other's customers.
import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test as base } from "./fixtures";

export type Workspace = { name: string; email: string; password: string; testKey: string; liveKey: string };

export function uniqueEmail(label = "merchant"): string {
  return `${label}-${randomBytes(5).toString("hex")}@e2e.plugipay.test`;
}

/** Signs up in `page` (which stays signed in) and reads the keys shown once. */
export async function signUp(page: Page, name = "E2E Shop"): Promise<Workspace> {
  const workspace = { name, email: uniqueEmail(), password: `pw-${randomBytes(8).toString("hex")}` };
  await page.goto("/signup");
  await page.getByLabel("Workspace name").fill(workspace.name);
  await page.getByLabel("Email").fill(workspace.email);
  await page.getByLabel("Password").fill(workspace.password);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: `Your workspace “${name}” is ready` })).toBeVisible();
  const keys = page.locator("[data-secret-key]");
  const testKey = (await keys.nth(0).textContent()) ?? "";
  const liveKey = (await keys.nth(1).textContent()) ?? "";
  expect(testKey).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
  expect(liveKey).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
  return { ...workspace, testKey, liveKey };
}

export async function signIn(page: Page, workspace: Pick<Workspace, "email" | "password">): Promise<void> {
  await page.getByLabel("Email").fill(workspace.email);
  await page.getByLabel("Password").fill(workspace.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

function basicAuth(key: string): Record<string, string> {
  return {
    Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
    // Playwright's request context reuses a pooled socket even after the server's keep-alive
    // timeout (5 s) has closed it, which fails the next call with ECONNRESET
    // (microsoft/playwright#42698). One connection per call costs nothing here.
    Connection: "close",
  };
}

export type NewCustomer = {
  name?: string;
  email?: string;
  externalId?: string;
  metadata?: Record<string, string>;
};

/** Creates customers through the public API (the bulk endpoint, 1,000 at a time), in input order. */
export async function createCustomers(
  request: APIRequestContext,
  key: string,
  customers: NewCustomer[],
): Promise<{ id: string }[]> {
  const created: { id: string }[] = [];
  for (let start = 0; start < customers.length; start += 1000) {
    const response = await request.post("/api/v1/customers/bulk", {
      headers: basicAuth(key),
      data: { items: customers.slice(start, start + 1000) },
    });
    expect(response.status(), await response.text()).toBe(200);
    const body = await response.json();
    for (const result of body.results) {
      expect(result.customer, JSON.stringify(result)).toBeTruthy();
      created.push(result.customer);
    }
  }
  return created;
}

export async function apiRequest(
  request: APIRequestContext,
  key: string,
  method: "GET" | "POST" | "PATCH",
  path: string,
  data?: unknown,
) {
  return request.fetch(`/api/v1${path}`, { method, headers: basicAuth(key), data });
}

type WorkspaceFixtures = {
  /** A new workspace whose owner is signed in on `page`. */
  workspace: Workspace;
};

export const test = base.extend<WorkspaceFixtures>({
  workspace: async ({ page }, provide) => {
    await provide(await signUp(page));
  },
});

/** A second browser context, signed in as `workspace`'s owner (e.g. another device). */
export async function signedInContext(
  browser: Browser,
  workspace: Workspace,
  baseURL: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await signIn(page, workspace);
  await page.waitForURL("**/dashboard/customers");
  await page.close();
  return context;
}

export { expect };

/** A succeeded test-mode payment: a checkout session for `customerId`, completed through the API. */
export async function payCheckout(
  request: APIRequestContext,
  key: string,
  payment: { customerId: string; amount: number; currency: string; email?: string },
): Promise<{ paymentId: string }> {
  const created = await apiRequest(request, key, "POST", "/checkout/sessions", {
    amount: payment.amount,
    currency: payment.currency,
    customerId: payment.customerId,
  });
  expect(created.status(), await created.text()).toBe(201);
  const session = await created.json();
  const completed = await apiRequest(request, key, "POST", `/checkout/sessions/${session.id}/complete`, {
    email: payment.email ?? "payer@example.com",
  });
  expect(completed.status(), await completed.text()).toBe(200);
  return { paymentId: (await completed.json()).paymentId };
}
