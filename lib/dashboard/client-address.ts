import "server-only";

/**
 * The client's address as `next start` (or the proxy in front of it) reports it. A client can forge
 * X-Forwarded-For, so this only feeds the per-client sign-in limit; the per-email limit does not rely on it.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
