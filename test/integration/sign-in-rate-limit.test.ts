// Brute force against dashboard sign-in (spec/dashboard.md: "sign-in attempts rate-limited"), as a
// script would do it: the /login form posted without JavaScript, many times, from chosen client
// addresses. Windows are shortened through settings so "refused while limited, accepted after the
// window" runs in seconds; e2e/sign-in.spec.ts covers the same limit in a browser at its defaults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { createTestWorkspace, type TestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";
import { postPageForm } from "@/test/support/page-form";

const PASSWORD = "correct horse battery"; // createTestWorkspace's
// Long enough for a burst of attempts (each costs a memory-hard password hash) to land in one window
// on a loaded machine; the two cases wait it out side by side.
const WINDOW_SECONDS = 20;
let server: ApiServer;
type Owner = TestWorkspace & { email: string };
let guessed: Owner;
let sprayed: Owner;

beforeAll(async () => {
  const [started, first, second] = await Promise.all([
    startApiServer({
      SIGN_IN_LIMIT_PER_EMAIL: "3",
      SIGN_IN_LIMIT_PER_CLIENT: "5",
      SIGN_IN_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    }),
    createTestWorkspace(),
    createTestWorkspace(),
  ]);
  server = started;
  [guessed, sprayed] = await Promise.all([withEmail(first), withEmail(second)]);
});
afterAll(() => server?.stop());

async function withEmail(workspace: TestWorkspace): Promise<Owner> {
  const member = await prisma.membership.findFirstOrThrow({
    where: { workspaceId: workspace.workspaceId },
    include: { user: true },
  });
  return { ...workspace, email: member.user.email };
}

type Attempt = "signed in" | "wrong" | "limited";

/** One sign-in through the /login form as a browser without JavaScript posts it. */
async function signIn(email: string, password: string, client: string): Promise<Attempt> {
  const response = await postPageForm(server.url, "/login", { email, password }, client);
  const html = await response.text();
  if (response.status === 303) {
    expect(response.headers.get("location")).toBe("/dashboard/customers");
    expect(response.headers.get("set-cookie")).toMatch(/session_token=/);
    return "signed in";
  }
  expect(response.status, server.output().slice(-1500)).toBe(200);
  expect(response.headers.get("set-cookie") ?? "").not.toMatch(/session_token=/);
  if (/Too many sign-in attempts\. Try again in \d+ minutes?\./.test(html)) return "limited";
  expect(html).toContain("Wrong email or password.");
  return "wrong";
}

/** Waits until a window that opened at `opened` (ms) at the latest is surely over. */
const windowOver = (opened: number) =>
  new Promise((resolve) => setTimeout(resolve, opened + (WINDOW_SECONDS + 0.5) * 1000 - Date.now()));

describe.concurrent("dashboard sign-in under brute force", () => {
  it("per email: after the limit even the right password is refused, from any client, until the window passes", async () => {
    const guesses = await Promise.all(
      [1, 2, 3].map((i) => signIn(guessed.email, `guess-${i}`, `198.51.100.${i}`)),
    );
    // The window opened at the first of them, so it is over WINDOW_SECONDS after they all returned.
    const opened = Date.now();
    expect(guesses).toEqual(["wrong", "wrong", "wrong"]);
    expect(await signIn(guessed.email, PASSWORD, "198.51.100.9")).toBe("limited");
    // Case and spaces do not make it another email.
    expect(await signIn(` ${guessed.email.toUpperCase()} `, PASSWORD, "198.51.100.10")).toBe("limited");
    await windowOver(opened);
    expect(await signIn(guessed.email, PASSWORD, "198.51.100.9")).toBe("signed in");
  });

  it("per client: one address spraying many emails is refused, the right password too; other addresses are not", async () => {
    const sprayer = "203.0.113.7";
    const sprays = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => signIn(`nobody-${i}@example.com`, "guess", sprayer)),
    );
    const opened = Date.now();
    expect(sprays).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong"]);
    expect(await signIn(sprayed.email, PASSWORD, sprayer)).toBe("limited");
    expect(await signIn(sprayed.email, PASSWORD, "203.0.113.8")).toBe("signed in");
    await windowOver(opened);
    expect(await signIn(sprayed.email, PASSWORD, sprayer)).toBe("signed in");
  });
});
