import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { hashSecretKey } from "@/lib/api-keys/secret-key";
import { createWorkspace, EmailTakenError } from "@/lib/workspaces/create-workspace";

describe("createWorkspace", () => {
  it("creates a user, a workspace, a membership and a hashed test/live key pair", async () => {
    const created = await createWorkspace({
      name: "Acme",
      email: "Owner@Example.com",
      password: "correct horse",
    });
    expect(created.userEmail).toBe("owner@example.com");
    expect(created.testSecretKey).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect(created.liveSecretKey).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);

    const keys = await prisma.apiKey.findMany({
      where: { workspaceId: created.workspaceId },
      orderBy: { livemode: "asc" },
    });
    expect(keys.map((k) => [k.livemode, k.last4])).toEqual([
      [false, created.testSecretKey.slice(-4)],
      [true, created.liveSecretKey.slice(-4)],
    ]);
    expect(keys[0].secretHash).toBe(hashSecretKey(created.testSecretKey));
    // The secret itself is nowhere in the row.
    expect(JSON.stringify(keys)).not.toContain(created.testSecretKey);

    const membership = await prisma.membership.findFirst({ where: { workspaceId: created.workspaceId } });
    expect(membership).toMatchObject({ userId: created.userId, role: "owner" });
  });

  it("refuses a taken email, whatever its case, and creates nothing", async () => {
    await createWorkspace({ name: "First", email: "taken@example.com", password: "long enough" });
    const before = await prisma.workspace.count();
    await expect(
      createWorkspace({ name: "Second", email: "TAKEN@example.com", password: "long enough" }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    expect(await prisma.workspace.count()).toBe(before);
  });

  it("rejects an invalid email or a short password before touching the database", async () => {
    const before = await prisma.user.count();
    await expect(
      createWorkspace({ name: "X", email: "not-an-email", password: "long enough" }),
    ).rejects.toThrow(/email/);
    await expect(createWorkspace({ name: "X", email: "ok@example.com", password: "short" })).rejects.toThrow(
      /8 characters/,
    );
    expect(await prisma.user.count()).toBe(before);
  });
});
