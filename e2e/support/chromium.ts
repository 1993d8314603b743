// Which Chromium Playwright drives: CHROMIUM_PATH, else a system Chromium (machines that cannot
// download Playwright's browsers), else undefined = Playwright's own browser (a laptop).
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumExecutablePath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return SYSTEM_CHROMIUMS.find((candidate) => existsSync(candidate));
}

export function chromiumArgs(): string[] {
  return [
    // Chromium's sandbox cannot start as root (containers, CI).
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
    // Without these, Chromium's own background connections fail noisily on a closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
  ];
}
