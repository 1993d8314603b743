// spec/dashboard.md, "Sign-in and workspaces".
import { apiRequest, createCustomers, expect, signIn, signUp, test, uniqueEmail } from "./support/workspace";

test("sign-up creates a workspace and shows its pair of secret keys once; both work against the API", async ({
  page,
  request,
}) => {
  const workspace = await signUp(page);
  for (const key of [workspace.testKey, workspace.liveKey]) {
    const response = await apiRequest(request, key, "GET", "/customers");
    expect(response.status()).toBe(200);
  }
  await page.getByRole("link", { name: "Continue to the dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await page.goto("/signup");
  await expect(page.locator("[data-secret-key]")).toHaveCount(0);
  expect(await page.content()).not.toContain(workspace.testKey);
});

test("sign-up refuses a taken email and a short password, naming the field", async ({ page }) => {
  const first = await signUp(page);
  await page.context().clearCookies();
  await page.goto("/signup");
  await page.getByLabel("Workspace name").fill("Second shop");
  await page.getByLabel("Email").fill(first.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("This email already has an account.")).toBeVisible();
});

test("a signed-out deep link goes through sign-in and lands exactly there, query included", async ({
  browser,
  baseURL,
}) => {
  const owner = await browser.newPage({ baseURL });
  const workspace = await signUp(owner);
  await createCustomers(owner.request, workspace.testKey, [
    { name: "Alice Smith", email: "alice@example.com" },
  ]);
  await owner.close();

  const page = await browser.newPage({ baseURL });
  const target = "/dashboard/customers?email=alice@example.com";
  await page.goto(target);
  await expect(page).toHaveURL(/\/login\?next=/);
  expect(new URL(page.url()).searchParams.get("next")).toBe(target);
  await signIn(page, workspace);
  await page.waitForURL(
    (url) => url.pathname === "/dashboard/customers" && url.search === "?email=alice@example.com",
  );
  await expect(page.getByText("Email: alice@example.com")).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.close();
});

test("the session cookie is httpOnly, SameSite=Lax and Secure (production build)", async ({
  page,
  workspace,
}) => {
  expect(workspace.email).toContain("@");
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("plugipay.session_token"));
  expect(session, JSON.stringify(cookies.map((cookie) => cookie.name))).toBeTruthy();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
});

test("a wrong password and an unknown email get the same answer", async ({ page, workspace }) => {
  await page.context().clearCookies();
  await page.goto("/login");
  await signIn(page, { email: workspace.email, password: "not-the-password" });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.goto("/login");
  await signIn(page, { email: uniqueEmail("nobody"), password: "not-the-password" });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("sign-in attempts are rate-limited per email: after 10 failures even the right password waits", async ({
  page,
  workspace,
}) => {
  test.slow(); // eleven real password checks
  await page.context().clearCookies();
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.goto("/login");
    await signIn(page, { email: workspace.email, password: `guess-${attempt}` });
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await page.goto("/login");
  await signIn(page, workspace);
  await expect(page.getByText(/Too many sign-in attempts\. Try again in \d+ minutes?\./)).toBeVisible();
  await page.goto("/dashboard/customers");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-out ends the session: the dashboard asks for sign-in again", async ({ page, workspace }) => {
  expect(workspace.testKey).toBeTruthy();
  await page.goto("/dashboard/customers");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/dashboard/developers");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard%2Fdevelopers$/);
});

test("/logout signs out when simply visited", async ({ page, workspace }) => {
  expect(workspace.email).toBeTruthy();
  await page.goto("/logout");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/dashboard/customers");
  await expect(page).toHaveURL(/\/login\?next=/);
});

test.describe("workspaces apart", () => {
  // The foreign customer's page answers 404, which the browser reports as a console error.
  test.use({ expectedBrowserErrors: [/status of 404 \(Not Found\)/] });

  test("a user sees only their own workspace: another workspace's customer is not found", async ({
    page,
    workspace,
    browser,
    baseURL,
  }) => {
    const other = await browser.newPage({ baseURL });
    const stranger = await signUp(other, "Stranger Shop");
    const [foreign] = await createCustomers(other.request, stranger.testKey, [{ name: "Foreign Customer" }]);
    await other.close();

    const response = await page.goto(`/dashboard/customers/${foreign.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No such customer" })).toBeVisible();
    await expect(page.getByText("Foreign Customer")).toHaveCount(0);
    await page.goto(`/dashboard/customers?q=${foreign.id}`);
    await expect(page.getByText("No customers match these filters.")).toBeVisible();
    expect(workspace.name).not.toBe(stranger.name);
  });
});
