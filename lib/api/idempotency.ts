import "server-only";
// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): a whole request runs in one
// transaction that also stores its response, so a key's effects and its stored response commit
// together or not at all (a crash mid-request leaves nothing, and a retry executes afresh).
// A transaction-scoped advisory lock on the key makes a concurrent duplicate fail fast with 409
// instead of waiting.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import { errorBody, toApiError } from "@/lib/api/error-response";
import type { Scope } from "@/lib/scope";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

export function parseIdempotencyKey(header: string | null): string | undefined {
  if (header === null) return undefined;
  if (!/^[\x21-\x7e][\x20-\x7e]{0,254}$/.test(header) || header.endsWith(" ")) {
    throw new ApiError("parameter_invalid", "Idempotency-Key: must be 1-255 printable ASCII characters", {
      param: "Idempotency-Key",
    });
  }
  return header;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("hex");
}

export async function runIdempotently(
  scope: Scope,
  request: { key: string; method: string; path: string; fingerprint: string; requestId: string },
  execute: (tx: Prisma.TransactionClient) => Promise<ApiResult>,
): Promise<ApiResult & { replayed?: boolean }> {
  const id = { workspaceId: scope.workspaceId, livemode: scope.livemode, key: request.key };
  return prisma.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(hashtextextended(${`${scope.workspaceId}:${scope.livemode}:${request.key}`}, 0)) AS locked`;
      if (!locked) {
        throw new ApiError(
          "idempotency_key_in_use",
          "A request with this Idempotency-Key is still being processed; retry later.",
        );
      }
      const stored = await tx.idempotencyKey.findUnique({ where: { workspaceId_livemode_key: id } });
      if (stored && stored.expiresAt > new Date()) {
        if (stored.requestHash !== request.fingerprint) {
          throw new ApiError(
            "idempotency_key_reused",
            "This Idempotency-Key was already used with a different method, path or body.",
          );
        }
        return {
          status: stored.responseStatus ?? 200,
          body: stored.responseBody,
          headers: (stored.responseHeaders ?? {}) as Record<string, string>,
          replayed: true,
        };
      }
      if (stored) await tx.idempotencyKey.delete({ where: { workspaceId_livemode_key: id } });

      // A savepoint lets a request that fails with a 4xx undo its own partial work (and clear
      // an aborted transaction) while its error response is still stored under the key.
      await tx.$executeRawUnsafe("SAVEPOINT idempotent_request");
      const result = await execute(tx).catch(async (error: unknown) => {
        const apiError = toApiError(error);
        if (apiError.status >= 500) throw error; // not stored: a retry executes again
        await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT idempotent_request");
        return errorResult(apiError, request.requestId);
      });
      // Raw SQL: a bulk answer is ~0.5 MB of JSON, and Prisma's Json input path took twice as long as
      // handing PostgreSQL the text (a quarter of a 1,000-item bulk request).
      await tx.$executeRaw`
        INSERT INTO idempotency_keys (workspace_id, livemode, key, method, path, request_hash,
          response_status, response_body, response_headers, expires_at)
        VALUES (${id.workspaceId}, ${id.livemode}, ${id.key}, ${request.method}, ${request.path},
          ${request.fingerprint}, ${result.status}, ${JSON.stringify(result.body)}::json,
          ${JSON.stringify(result.headers ?? {})}::jsonb, ${new Date(Date.now() + IDEMPOTENCY_TTL_MS)})`;
      return result;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

function errorResult(error: ApiError, requestId: string): ApiResult {
  return { status: error.status, headers: error.headers, body: errorBody(error, requestId) };
}
