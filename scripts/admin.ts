// npm run admin -- <command> [options]   (see docs: README, "Admin CLI")
//   create-workspace --name NAME --email EMAIL --password PASSWORD [--json]
//   create-key --workspace ws_… --mode test|live [--json]
import { parseArgs } from "node:util";
import { z } from "zod";
import { provideDatabase } from "@/lib/db/provide-database";
import { migrate } from "@/lib/db/migrate";
import { setDatabaseUrl } from "@/lib/env";

const USAGE = `Usage:
  npm run admin -- create-workspace --name NAME --email EMAIL --password PASSWORD [--json]
  npm run admin -- create-key --workspace ws_… --mode test|live [--json]`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function parseOptions(args: string[], names: string[]): Record<string, string | boolean | undefined> {
  const options = Object.fromEntries(names.map((name) => [name, { type: "string" as const }]));
  try {
    return parseArgs({
      args,
      options: { ...options, json: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `--${issue.path.join(".")}: ${issue.message}`;
}

async function createWorkspaceCommand(args: string[]) {
  const values = parseOptions(args, ["name", "email", "password"]);
  const { workspaceSignupSchema } = await import("@/lib/workspaces/schemas");
  const parsed = workspaceSignupSchema.safeParse({
    name: values.name ?? "",
    email: values.email ?? "",
    password: values.password ?? "",
  });
  if (!parsed.success) fail(firstIssue(parsed.error));
  const { createWorkspace } = await import("@/lib/workspaces/create-workspace");
  const created = await createWorkspace(parsed.data);
  const output = {
    workspaceId: created.workspaceId,
    userEmail: created.userEmail,
    testSecretKey: created.testSecretKey,
    liveSecretKey: created.liveSecretKey,
  };
  return {
    json: values.json === true,
    output,
    text: `Created workspace ${output.workspaceId} for ${output.userEmail}.\nTest key: ${output.testSecretKey}\nLive key: ${output.liveSecretKey}`,
  };
}

async function createKeyCommand(args: string[]) {
  const values = parseOptions(args, ["workspace", "mode"]);
  const schema = z.object({
    workspace: z
      .string({ message: "is required" })
      .regex(/^ws_[0-9A-HJKMNP-TV-Z]{26}$/, "must be a workspace ID (ws_…)"),
    mode: z.enum(["test", "live"], { message: "must be test or live" }),
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) fail(firstIssue(parsed.error));
  const { prisma } = await import("@/lib/db/prisma");
  const workspace = await prisma.workspace.findUnique({
    where: { id: parsed.data.workspace },
    select: { id: true },
  });
  if (!workspace) fail(`--workspace: no workspace ${parsed.data.workspace}`);
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const key = await createApiKey({ workspaceId: workspace.id, mode: parsed.data.mode });
  return {
    json: values.json === true,
    output: { secretKey: key.secretKey },
    text: `Created ${parsed.data.mode} key: ${key.secretKey}`,
  };
}

const commands: Record<
  string,
  (args: string[]) => Promise<{ json?: boolean; output: object; text: string }>
> = {
  "create-workspace": createWorkspaceCommand,
  "create-key": createKeyCommand,
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `Unknown command: ${name}\n${USAGE}` : USAGE);
    return 2;
  }
  // Quiet: with --json, stdout must hold exactly one JSON line.
  const database = await provideDatabase(() => {});
  try {
    await migrate(database.url);
    setDatabaseUrl(database.url);
    const result = await command(args);
    console.log(result.json ? JSON.stringify(result.output) : result.text);
    return 0;
  } catch (error) {
    const { EmailTakenError } = await import("@/lib/workspaces/create-workspace");
    if (error instanceof UsageError || error instanceof EmailTakenError) {
      console.error(`admin ${name}: ${error.message}`);
      return 1;
    }
    console.error(`admin ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    const { prisma } = await import("@/lib/db/prisma").catch(() => ({ prisma: undefined }));
    await prisma?.$disconnect();
    await database.release();
  }
}

process.exit(await main());
