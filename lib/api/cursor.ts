// Opaque keyset cursors: base64url(JSON position) + "." + base64url(HMAC). The MAC also covers a
// scope (workspace, mode and sort), so a cursor only resumes the list it came from.
import { createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";

export type CursorPosition = { values: (string | number | null)[]; id: string };
type CursorOptions = { secret: string; scope: string };

const MAX_TOKEN_LENGTH = 2048;
const MAX_VALUES = 4;
const MAX_ID_LENGTH = 64;
// 18 bytes = exactly 24 base64url characters: no half-used last character that could be
// changed without changing the decoded bytes.
const MAC_BYTES = 18;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function encodeCursor(position: CursorPosition, options: CursorOptions): string {
  if (!isPosition(position)) throw new TypeError("encodeCursor: not a valid cursor position");
  const payload = Buffer.from(JSON.stringify({ values: position.values, id: position.id })).toString(
    "base64url",
  );
  const token = `${payload}.${sign(payload, options)}`;
  // Never hand out a token that decodeCursor would refuse.
  if (token.length > MAX_TOKEN_LENGTH) throw new RangeError("encodeCursor: cursor position too large");
  return token;
}

export function decodeCursor(token: string, options: CursorOptions): CursorPosition {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) {
    throw invalid();
  }
  const [payload, mac] = token.split(".");
  // Compare the encoded MACs, not decoded bytes: base64url decoding is lenient about stray bits.
  const expected = Buffer.from(sign(payload, options));
  const actual = Buffer.from(mac);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw invalid();

  let position: unknown;
  try {
    const json = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(payload, "base64url"));
    position = JSON.parse(json);
  } catch {
    throw invalid();
  }
  if (!isPosition(position) || Object.keys(position).length !== 2) throw invalid();
  return { values: position.values, id: position.id };
}

function sign(payload: string, { secret, scope }: CursorOptions): string {
  return createHmac("sha256", secret)
    .update(`${scope}.${payload}`)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString("base64url");
}

function isPosition(value: unknown): value is CursorPosition {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { values, id } = value as Record<string, unknown>;
  return (
    Array.isArray(values) &&
    values.length <= MAX_VALUES &&
    values.every(
      (v) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)),
    ) &&
    typeof id === "string" &&
    id.length <= MAX_ID_LENGTH
  );
}

function invalid(): ApiError {
  return new ApiError("cursor_invalid", "The cursor is invalid or belongs to another list.", {
    param: "cursor",
  });
}
