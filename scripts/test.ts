// npm test — every test: unit and integration (Vitest, on a real PostgreSQL), then end-to-end
// (Playwright in Chromium against `next build` + `next start`). One database server serves the
// whole run (DATABASE_URL's, or the embedded one); each test file makes its own database on it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { provideDatabase } from "@/lib/db/provide-database";

// Not test-results/: Playwright empties that folder when it starts.
const REPORT_DIR = ".test-reports";
const VITEST_REPORT = `${REPORT_DIR}/vitest.json`;
const PLAYWRIGHT_REPORT = `${REPORT_DIR}/playwright.json`;

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

type Counts = { passed: number; failed: number; skipped: number };

async function vitestCounts(): Promise<Counts> {
  if (!existsSync(VITEST_REPORT)) return { passed: 0, failed: 0, skipped: 0 };
  const report = JSON.parse(await readFile(VITEST_REPORT, "utf8"));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function playwrightCounts(): Promise<Counts> {
  if (!existsSync(PLAYWRIGHT_REPORT)) return { passed: 0, failed: 0, skipped: 0 };
  const { stats } = JSON.parse(await readFile(PLAYWRIGHT_REPORT, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

async function main(): Promise<number> {
  await rm(VITEST_REPORT, { force: true });
  await rm(PLAYWRIGHT_REPORT, { force: true });
  const database = await provideDatabase((line) => console.log(`[test] ${line}`));
  const env = { TEST_DATABASE_URL: database.url };
  const bin = (name: string) => `node_modules/.bin/${name}`;
  let status = 0;
  try {
    // The build comes first: the API's integration tests and the e2e tests both run against it.
    status ||= await run(bin("next"), ["build"], env);
    status ||= await run(
      bin("vitest"),
      ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
      env,
    );
    status ||= await run(bin("playwright"), ["test"], {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT,
    });
  } finally {
    await database.release();
  }
  const counts = [await vitestCounts(), await playwrightCounts()];
  const total = counts.reduce((sum, c) => ({
    passed: sum.passed + c.passed,
    failed: sum.failed + c.failed,
    skipped: sum.skipped + c.skipped,
  }));
  if (total.passed === 0 && status === 0) {
    console.error("No test ran: that is a failure.");
    status = 1;
  }
  console.log(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return status;
}

process.exit(await main());
