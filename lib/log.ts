import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

// Structured JSON logs. Never log a secret key, a password or a request body: callers log ids.
export const log = pino({
  level: env.LOG_LEVEL,
  base: undefined,
  redact: { paths: ["*.authorization", "*.secretKey", "*.password"], censor: "[redacted]" },
});
