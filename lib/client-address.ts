import "server-only";

/**
 * The client's address as `next start` (or the proxy in front of it) reports it. A client can forge
 * X-Forwarded-For, so this only feeds per-client limits that a second, unforgeable limit backs up:
 * sign-in's per-email limit, and the API's per-key limit for any request that names a valid key.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
