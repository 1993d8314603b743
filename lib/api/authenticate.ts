import "server-only";
import { prisma } from "@/lib/db/prisma";
import { processCache } from "@/lib/process-cache";
import { ApiError } from "@/lib/api/errors";
import { hashSecretKey, secretKeyMode } from "@/lib/api-keys/secret-key";
import type { Scope } from "@/lib/scope";

export type ApiAuth = Scope & { keyId: string };

const CHALLENGE = { "WWW-Authenticate": 'Basic realm="Plugipay"' };

// Messages never echo the key, not even a part of it.
function unauthorized(message: string): ApiError {
  return new ApiError("invalid_api_key", message, { headers: CHALLENGE });
}

/** The secret key of `Authorization: Basic base64(key:)` (curl -u key:) or `Bearer key`. */
export function secretKeyFromHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const [scheme, credentials] = header.trim().split(/\s+/, 2);
  if (!credentials) return undefined;
  if (scheme.toLowerCase() === "bearer") return credentials;
  if (scheme.toLowerCase() !== "basic") return undefined;
  const decoded = Buffer.from(credentials, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

// Valid keys by their hash, for a few seconds: under load the same few keys arrive hundreds of times
// a second, and the lookup was a database round trip on every request. Only found, unrevoked keys
// are kept (an unknown key is looked up every time, so a key works the moment it is created), and
// revokeApiKey forgets a key in this process at once. The staleness bound: another app process on
// the same database refuses a revoked key at most KEY_CACHE_MS later (docs/decisions.md).
export const KEY_CACHE_MS = 5_000;
const keyCache = processCache<ApiAuth>("api-keys", { ttlMs: KEY_CACHE_MS, max: 10_000 });

/** Drops a key from this process's cache (on revocation). */
export function forgetApiKey(keyId: string): void {
  keyCache.deleteWhere((auth) => auth.keyId === keyId);
}

/** The cached scope of a key verified in the last KEY_CACHE_MS, without a database round trip. */
export function cachedApiKey(secretHash: string): ApiAuth | undefined {
  return keyCache.get(secretHash);
}

/** Looks the key up in the database (and caches it when found and unrevoked); 401 when it names no key. */
export async function lookUpApiKey(secretHash: string): Promise<ApiAuth> {
  const key = await prisma.apiKey.findUnique({
    where: { secretHash },
    select: { id: true, workspaceId: true, livemode: true, revokedAt: true },
  });
  if (!key || key.revokedAt) throw unauthorized("Invalid API key provided.");
  const auth = { keyId: key.id, workspaceId: key.workspaceId, livemode: key.livemode };
  keyCache.set(secretHash, auth);
  return auth;
}

/** The hash of the secret key the request presents; 401 when it presents none, or a malformed one. */
export function presentedKeyHash(request: Request): string {
  const header = request.headers.get("authorization");
  const secretKey = secretKeyFromHeader(header);
  if (!header)
    throw unauthorized("No API key provided. Use HTTP Basic auth (curl -u sk_test_…:) or a Bearer token.");
  if (!secretKey || !secretKeyMode(secretKey)) throw unauthorized("Invalid API key provided.");
  return hashSecretKey(secretKey);
}

export async function authenticate(request: Request): Promise<ApiAuth> {
  const secretHash = presentedKeyHash(request);
  return cachedApiKey(secretHash) ?? lookUpApiKey(secretHash);
}
