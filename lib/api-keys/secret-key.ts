// Secret keys: `sk_live_…` / `sk_test_…` plus 32 random base62 characters (~190 bits).
// Only the SHA-256 hash is stored: with that much entropy a slow hash would add nothing.
import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 32;

export type Mode = "live" | "test";

export function generateSecretKey(mode: Mode): string {
  const bytes = randomBytes(SECRET_LENGTH * 2);
  let secret = "";
  for (const byte of bytes) {
    if (byte >= 248) continue; // 248 = 62 * 4: rejection keeps the alphabet uniform
    secret += ALPHABET[byte % 62];
    if (secret.length === SECRET_LENGTH) break;
  }
  return secret.length === SECRET_LENGTH ? `sk_${mode}_${secret}` : generateSecretKey(mode);
}

export function hashSecretKey(secretKey: string): string {
  return createHash("sha256").update(secretKey).digest("hex");
}

export function secretKeyMode(secretKey: string): Mode | undefined {
  const match = /^sk_(live|test)_[0-9A-Za-z]{32}$/.exec(secretKey);
  return match ? (match[1] as Mode) : undefined;
}
