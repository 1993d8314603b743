import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db/prisma";
import { hashSecretKey } from "@/lib/api-keys/secret-key";
import { runNpmScript } from "@/test/support/run-script";

// The CLI runs against this file's fresh database, exactly as an operator would with DATABASE_URL.
const databaseEnv = () => ({ DATABASE_URL: env.DATABASE_URL });

describe("npm run admin", () => {
  it("create-workspace --json prints one JSON line with the workspace and both keys", async () => {
    const result = await runNpmScript(
      [
        "admin",
        "--",
        "create-workspace",
        "--name",
        "Acme Corp",
        "--email",
        "ops@acme.example",
        "--password",
        "s3cret-pass",
        "--json",
      ],
      databaseEnv(),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const output = JSON.parse(lines[0]);
    expect(Object.keys(output).sort()).toEqual([
      "liveSecretKey",
      "testSecretKey",
      "userEmail",
      "workspaceId",
    ]);
    expect(output.userEmail).toBe("ops@acme.example");
    const workspace = await prisma.workspace.findUnique({
      where: { id: output.workspaceId },
      include: { apiKeys: true },
    });
    expect(workspace?.name).toBe("Acme Corp");
    expect(workspace?.apiKeys.map((k) => k.secretHash).sort()).toEqual(
      [hashSecretKey(output.testSecretKey), hashSecretKey(output.liveSecretKey)].sort(),
    );

    const key = await runNpmScript(
      ["admin", "--", "create-key", "--workspace", output.workspaceId, "--mode", "live", "--json"],
      databaseEnv(),
    );
    expect(key.code).toBe(0);
    const { secretKey } = JSON.parse(key.stdout);
    expect(secretKey).toMatch(/^sk_live_/);
    expect(await prisma.apiKey.count({ where: { workspaceId: output.workspaceId, livemode: true } })).toBe(2);
  });

  it.each([
    [
      ["--name", "X", "--email", "not-an-email", "--password", "long enough"],
      /--email: must be a valid email address/,
    ],
    [
      ["--name", "X", "--email", "short@acme.example", "--password", "short"],
      /--password: must be at least 8 characters/,
    ],
    [
      ["--name", "", "--email", "noname@acme.example", "--password", "long enough"],
      /--name: must not be empty/,
    ],
    [
      ["--email", "x@acme.example", "--password", "long enough", "--colour", "red"],
      /Unknown option '--colour'/,
    ],
  ])(
    "create-workspace rejects bad input %j with a clear message and creates nothing",
    async (args, message) => {
      const before = await prisma.user.count();
      const result = await runNpmScript(
        ["admin", "--", "create-workspace", ...args, "--json"],
        databaseEnv(),
      );
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
      expect(await prisma.user.count()).toBe(before);
    },
  );

  it("create-workspace refuses an email already taken", async () => {
    const args = [
      "admin",
      "--",
      "create-workspace",
      "--name",
      "Dup",
      "--email",
      "dup@acme.example",
      "--password",
      "long enough",
      "--json",
    ];
    expect((await runNpmScript(args, databaseEnv())).code).toBe(0);
    const again = await runNpmScript(args, databaseEnv());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    expect(await prisma.workspace.count({ where: { name: "Dup" } })).toBe(1);
  });

  it("create-key rejects an unknown workspace and a bad mode", async () => {
    const unknown = await runNpmScript(
      ["admin", "--", "create-key", "--workspace", "ws_01JDQ4W3Y2AAAAAAAAAAAAAAAA", "--mode", "test"],
      databaseEnv(),
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no workspace ws_01JDQ4W3Y2AAAAAAAAAAAAAAAA");
    const badMode = await runNpmScript(
      ["admin", "--", "create-key", "--workspace", "ws_01JDQ4W3Y2AAAAAAAAAAAAAAAA", "--mode", "prod"],
      databaseEnv(),
    );
    expect(badMode.code).toBe(1);
    expect(badMode.stderr).toContain("--mode: must be test or live");
  });

  it("db:migrate against an unreachable database exits non-zero with a one-line reason within 10 s", async () => {
    const result = await runNpmScript(["db:migrate"], {
      DATABASE_URL: "postgresql://nobody:hunter2@127.0.0.1:9/plugipay",
    });
    expect(result.code).not.toBe(0);
    expect(result.ms).toBeLessThan(10_000);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/127\.0\.0\.1:9/);
    expect(result.stderr + result.stdout).not.toContain("hunter2");
  });
});
