// Every public ID is a type prefix plus a ULID: sortable by creation time, opaque to clients.
import { ulid } from "ulid";

export const idPrefixes = {
  workspace: "ws",
  user: "usr",
  apiKey: "key",
  customer: "cus",
  paymentToken: "ptok",
  payment: "pay",
  subscription: "sub",
  invoice: "inv",
  checkoutSession: "cs",
  event: "evt",
  request: "req",
  webhookEndpoint: "we",
  webhookDelivery: "whd",
} as const;

export type IdKind = keyof typeof idPrefixes;

// ulid's own generator asks the system for one random byte per character: 16 getRandomValues calls
// per id, and every API request makes at least one id (its request id). This one draws the same
// cryptographic bytes 4 KiB at a time. A byte / 256 maps each of the 32 characters from exactly 8
// byte values, so every character stays uniform.
const randomBytes = new Uint8Array(4096);
let nextByte = randomBytes.length;

function pooledRandom(): number {
  if (nextByte === randomBytes.length) {
    globalThis.crypto.getRandomValues(randomBytes);
    nextByte = 0;
  }
  return randomBytes[nextByte++] / 256;
}

export function newId(kind: IdKind, time?: number): string {
  return `${idPrefixes[kind]}_${ulid(time, pooledRandom)}`;
}

const ulidPattern = "[0-9A-HJKMNP-TV-Z]{26}";

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${idPrefixes[kind]}_${ulidPattern}$`).test(value);
}
