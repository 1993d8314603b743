// The demo workspace's sign-in and a test key to print at start-up. Keys are stored only as
// hashes, so the key shown is kept in .data/demo.json (local, git-ignored) and replaced by a
// fresh one whenever the database no longer knows it (e.g. after a reset).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR } from "./launch";

export type DemoCredentials = { email: string; password: string; workspaceId: string; testSecretKey: string };

export async function demoCredentials(): Promise<DemoCredentials> {
  const { seedDemoWorkspace, DEMO_USER } = await import("../seed/seed-demo-workspace");
  const { prisma } = await import("@/lib/db/prisma");
  const { hashSecretKey } = await import("@/lib/api-keys/secret-key");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");

  const seeded = await seedDemoWorkspace();
  const file = path.join(DATA_DIR, "demo.json");
  let testSecretKey = seeded.testSecretKey;
  if (!testSecretKey && existsSync(file)) {
    const saved = JSON.parse(await readFile(file, "utf8")) as Partial<DemoCredentials>;
    const known =
      saved.testSecretKey &&
      (await prisma.apiKey.findFirst({
        where: {
          workspaceId: seeded.workspaceId,
          secretHash: hashSecretKey(saved.testSecretKey),
          revokedAt: null,
        },
        select: { id: true },
      }));
    if (known) testSecretKey = saved.testSecretKey;
  }
  testSecretKey ??= (
    await createApiKey({ workspaceId: seeded.workspaceId, mode: "test", name: "Demo key (npm run dev)" })
  ).secretKey;

  const credentials = {
    email: DEMO_USER.email,
    password: DEMO_USER.password,
    workspaceId: seeded.workspaceId,
    testSecretKey,
  };
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

export function describeCredentials(credentials: DemoCredentials, appUrl: string): string {
  return [
    "",
    "  Demo workspace ready:",
    `    Sign in   ${appUrl}/login   as ${credentials.email} / ${credentials.password}`,
    `    Test key  ${credentials.testSecretKey}`,
    `    Try       curl -u ${credentials.testSecretKey}: ${appUrl}/v1/customers`,
    "",
  ].join("\n");
}
