// A server process started by a test or a script: its output kept, waited for until a URL answers,
// stopped gently (SIGTERM, then SIGKILL) or killed as in a crash. Shared by the API tests'
// `next start` and the reliability scripts' app processes.
import type { ChildProcess } from "node:child_process";

export type SupervisedProcess = {
  pid: number;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after `killAfterMs`; resolves with how long the exit took (ms). */
  stop(): Promise<number>;
  /** SIGKILL: the process dies at once, as in a crash (no shutdown handlers run). */
  kill(): Promise<void>;
  /** What the process printed so far. */
  output(): string;
};

export async function supervise(
  child: ChildProcess,
  options: { readyUrl: string; timeoutMs: number; killAfterMs: number; name: string },
): Promise<SupervisedProcess> {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = () => child.exitCode !== null || child.signalCode !== null;

  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (exited()) throw new Error(`${options.name} exited early:\n${output}`);
    try {
      if ((await fetch(options.readyUrl, { signal: AbortSignal.timeout(5000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `${options.name} did not answer ${options.readyUrl} within ${options.timeoutMs / 1000} s:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }

  return {
    pid: child.pid!,
    alive: () => !exited(),
    stop: () => {
      const started = Date.now();
      if (exited()) return Promise.resolve(0);
      return new Promise((resolve) => {
        child.once("exit", () => resolve(Date.now() - started));
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), options.killAfterMs).unref();
      });
    },
    kill: () =>
      new Promise<void>((resolve) => {
        if (exited()) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
    output: () => output,
  };
}
