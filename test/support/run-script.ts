// Runs one of the project's npm scripts as a user would, capturing its output.
import { spawn } from "node:child_process";

export type ScriptResult = { code: number | null; stdout: string; stderr: string; ms: number };

export function runNpmScript(
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<ScriptResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", ...args], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`npm run ${args.join(" ")} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
