// Reads a request body (JSON or form-encoded) into an object for the schemas, within a size limit.
import { ApiError } from "@/lib/api/errors";
import { parseFormBody } from "@/lib/api/form-body";

const MiB = 1_048_576;

export async function readBody(
  request: Request,
  options: { maxBytes?: number } = {},
): Promise<Record<string, unknown>> {
  const maxBytes = options.maxBytes ?? MiB;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const bytes = await readLimited(request, maxBytes);
  if (bytes.length === 0) return {};

  // Clients that send a body without a type almost always mean JSON.
  const mediaType =
    (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase() || "application/json";
  if (mediaType === "application/json") return parseJson(bytes);
  if (mediaType === "application/x-www-form-urlencoded") {
    return parseFormBody(decodeUtf8(bytes, "Request body is not valid UTF-8."));
  }
  throw new ApiError(
    "unsupported_media_type",
    `Content-Type ${mediaType} is not supported; send application/json or application/x-www-form-urlencoded.`,
  );
}

// Counts bytes as they arrive, so a lying or missing Content-Length cannot make us buffer more.
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The client went away mid-body (fewer bytes than its Content-Length, a broken chunk):
      // bad input, not a server failure to log as one.
      throw new ApiError("body_invalid", "The request body ended before it was complete.");
    });
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function parseJson(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(bytes, "Request body is not valid JSON: it is not valid UTF-8."));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // SyntaxError for bad JSON; RangeError if a pathological nesting exhausts the stack.
    const reason = error instanceof SyntaxError ? error.message : "it is nested too deeply.";
    throw new ApiError("body_invalid", `Request body is not valid JSON: ${reason}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError("body_invalid", "Request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

function decodeUtf8(bytes: Uint8Array, message: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("body_invalid", message);
  }
}

function tooLarge(maxBytes: number): ApiError {
  const limit = maxBytes % MiB === 0 ? `${maxBytes / MiB} MiB` : `${maxBytes} bytes`;
  return new ApiError("body_too_large", `Request body is larger than ${limit}.`);
}
