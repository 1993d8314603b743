// A script making workspaces through /signup (issue 8, abuse): one client address gets
// SIGN_UP_LIMIT_PER_CLIENT attempts per window, each of which would reach the database; the
// window is shortened here so that "refused while limited, accepted after" runs in seconds.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { startApiServer, type ApiServer } from "@/test/support/api-server";
import { postPageForm } from "@/test/support/page-form";

const LIMIT = 3;
const WINDOW_SECONDS = 15;
let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer({
    SIGN_UP_LIMIT_PER_CLIENT: String(LIMIT),
    SIGN_UP_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  });
});
afterAll(() => server?.stop());

type Outcome = "created" | "email taken" | "fields refused" | "limited";

const newEmail = () => `signup-${randomBytes(5).toString("hex")}@example.com`;

async function signUp(email: string, client: string, password = "correct horse battery"): Promise<Outcome> {
  const response = await postPageForm(
    server.url,
    "/signup",
    { name: "Script Shop", email, password },
    client,
  );
  // React separates a text's parts with <!-- --> in server HTML.
  const html = (await response.text()).replaceAll("<!-- -->", "");
  expect(response.status, server.output().slice(-1500)).toBe(200);
  if (html.includes("Your workspace “Script Shop” is ready")) {
    expect(response.headers.get("set-cookie")).toMatch(/session_token=/);
    return "created";
  }
  expect(response.headers.get("set-cookie") ?? "").not.toMatch(/session_token=/);
  if (/Too many sign-ups from this network\. Try again in \d+ minutes?\./.test(html)) return "limited";
  if (html.includes("An account with this email already exists.")) return "email taken";
  expect(html).toContain("Check the highlighted fields.");
  return "fields refused";
}

const accounts = (email: string) => prisma.user.count({ where: { email } });

describe("dashboard sign-up under a script", () => {
  it("gives one address its limit of attempts that reach the database, then refuses without storing, until the window passes", async () => {
    const script = "198.51.100.20";
    const first = newEmail();
    // A form refused for its fields costs nothing.
    expect(await signUp("not-an-email", script)).toBe("fields refused");
    expect(await signUp(newEmail(), script, "short")).toBe("fields refused");
    expect(await signUp(first, script)).toBe("created");
    const opened = Date.now();
    // Asking about an email that has an account costs an attempt too.
    expect(await signUp(first, script)).toBe("email taken");
    expect(await signUp(newEmail(), script)).toBe("created");

    const refused = newEmail();
    expect(await signUp(refused, script)).toBe("limited");
    expect(await accounts(refused)).toBe(0);
    // Another address is not held up.
    const elsewhere = newEmail();
    expect(await signUp(elsewhere, "198.51.100.21")).toBe("created");
    expect(await accounts(elsewhere)).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, opened + (WINDOW_SECONDS + 0.5) * 1000 - Date.now()));
    expect(await signUp(refused, script)).toBe("created");
    expect(await accounts(refused)).toBe(1);
  });
});
