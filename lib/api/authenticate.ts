import "server-only";
import { prisma } from "@/lib/db/prisma";
import { ApiError } from "@/lib/api/errors";
import { hashSecretKey, secretKeyMode } from "@/lib/api-keys/secret-key";
import type { Scope } from "@/lib/scope";

export type ApiAuth = Scope & { keyId: string };

const CHALLENGE = { "WWW-Authenticate": 'Basic realm="Plugipay"' };

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

// Messages never echo the key, not even a part of it.
export async function authenticate(request: Request): Promise<ApiAuth> {
  const header = request.headers.get("authorization");
  const secretKey = secretKeyFromHeader(header);
  if (!header)
    throw unauthorized("No API key provided. Use HTTP Basic auth (curl -u sk_test_…:) or a Bearer token.");
  if (!secretKey || !secretKeyMode(secretKey)) throw unauthorized("Invalid API key provided.");
  const key = await prisma.apiKey.findUnique({
    where: { secretHash: hashSecretKey(secretKey) },
    select: { id: true, workspaceId: true, livemode: true, revokedAt: true },
  });
  if (!key || key.revokedAt) throw unauthorized("Invalid API key provided.");
  return { keyId: key.id, workspaceId: key.workspaceId, livemode: key.livemode };
}
