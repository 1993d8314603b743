// npm run reliability [-- load|faults|multi-process] [--quick]   (after `npm run build`)
// The reliability scripts of issue 8, one after the other (or the one named), each in its own
// process, each ending with a PASS/FAIL verdict; exits non-zero when any fails. --quick shortens
// every phase (the load runs 20 s instead of 5 minutes) but keeps every check. Loopback only: a
// PostgreSQL of their own on EMBEDDED_POSTGRES_PORT (default 55301), the app on ports 3301-3310.
// Recorded in docs/reliability.md. Not part of `npm test`.
import { spawnSync } from "node:child_process";

const SCRIPTS = ["load", "faults", "multi-process"];
const names = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith("--"));
const unknown = names.filter((name) => !SCRIPTS.includes(name));
if (unknown.length || flags.some((flag) => flag !== "--quick")) {
  console.error(`usage: npm run reliability [-- ${SCRIPTS.join("|")}] [--quick]`);
  process.exit(2);
}

const verdicts: string[] = [];
for (const name of names.length ? names : SCRIPTS) {
  console.log(`\n$ tsx --conditions=react-server bench/reliability/${name}.ts ${flags.join(" ")}`.trimEnd());
  const started = Date.now();
  const result = spawnSync(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", `bench/reliability/${name}.ts`, ...flags],
    { stdio: "inherit" },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  verdicts.push(`${name.padEnd(14)} ${result.status === 0 ? "PASS" : "FAIL"}  (${seconds} s)`);
}
console.log(`\n${verdicts.join("\n")}`);
process.exit(verdicts.some((line) => line.includes("FAIL")) ? 1 : 0);
