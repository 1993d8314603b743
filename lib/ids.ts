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

export function newId(kind: IdKind, time?: number): string {
  return `${idPrefixes[kind]}_${ulid(time)}`;
}

const ulidPattern = "[0-9A-HJKMNP-TV-Z]{26}";

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${idPrefixes[kind]}_${ulidPattern}$`).test(value);
}
