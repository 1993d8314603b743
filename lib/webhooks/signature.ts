// The Plugipay-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`,
// Stripe's scheme. The timestamp is signed too, so a captured delivery cannot be replayed later
// (receivers reject a t older than their tolerance). docs/webhooks.md shows receivers how to check it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Plugipay-Signature";

/** A new endpoint's signing secret: `whsec_` and 32 random bytes in base64url (256 bits). */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The header value for `body` sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * What a receiver does: true when the header carries a v1 signature of this exact body made with
 * this secret, at a time no further than `toleranceSeconds` from `now` (unix seconds).
 */
export function verifySignature(
  header: string,
  body: string,
  secret: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isSafeInteger(timestamp)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body), "hex");
  return parts
    .filter(([key, value]) => key === "v1" && /^[0-9a-f]{64}$/.test(value ?? ""))
    .some(([, value]) => timingSafeEqual(Buffer.from(value, "hex"), expected));
}
