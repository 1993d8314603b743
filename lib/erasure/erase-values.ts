// The rules that erase a redacted customer's personal data from the copies the database keeps
// (payments, sessions, event payloads, stored responses): pure functions, unit-tested, so the
// erasure job itself is only reading rows and writing back what these return.
import { isDeepStrictEqual } from "node:util";

export const REDACTED = "[redacted]";

/**
 * What to look for in free text. Identifiers (emails, phones, tax IDs) are distinctive: every
 * occurrence is erased, even inside a longer string. Names are ordinary words, so only a whole
 * word matches ("Ann" erases "Ann Lee" but not "Annual plan").
 */
export type PersonalValues = { identifiers: string[]; names: string[] };

export type Erasure = {
  /** The redacted customers: objects of theirs are scrubbed; objects of other customers are left as they are. */
  customerIds: ReadonlySet<string>;
  values: PersonalValues;
  pattern: RegExp | null;
};

// Shorter values would match too much unrelated text.
const MIN_IDENTIFIER = 3;
const MIN_NAME = 2;

/** Distinct (case-insensitively), trimmed, long enough; anything that is not a string is skipped. */
export function personalValues(found: { identifiers: unknown[]; names: unknown[] }): PersonalValues {
  const distinct = (values: unknown[], min: number) => {
    const seen = new Map<string, string>();
    for (const value of values) {
      if (typeof value !== "string") continue;
      const text = value.trim();
      if (text.length >= min && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
    }
    return [...seen.values()];
  };
  return { identifiers: distinct(found.identifiers, MIN_IDENTIFIER), names: distinct(found.names, MIN_NAME) };
}

// The syntax characters of a unicode-mode RegExp (escaping anything else is an error there).
const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

export function erasureOf(customerIds: Iterable<string>, values: PersonalValues): Erasure {
  const alternatives = [
    ...values.identifiers.map((value) => ({ length: value.length, source: escapeRegExp(value) })),
    ...values.names.map((value) => ({
      length: value.length,
      source: `(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`,
    })),
  ].sort((a, b) => b.length - a.length); // the longest first, so "alice@example.com" beats "alice"
  return {
    customerIds: new Set(customerIds),
    values,
    pattern: alternatives.length
      ? new RegExp(alternatives.map((alternative) => alternative.source).join("|"), "giu")
      : null,
  };
}

export function redactText(text: string, erasure: Erasure): string {
  return erasure.pattern ? text.replace(erasure.pattern, REDACTED) : text;
}

export function containsPersonalValue(text: string, erasure: Erasure): boolean {
  return !!erasure.pattern && text.search(erasure.pattern) >= 0;
}

/** What each kind of object holds about its customer, and what it becomes once erased. */
const PERSONAL_FIELDS: Record<string, Record<string, unknown>> = {
  customer: { email: null, name: null, phone: null, taxId: null, metadata: {} },
  payment: { email: null, name: null },
  "checkout.session": { customerEmail: null },
  invoice: { customerName: null, customerEmail: null, customerTaxId: null },
};

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The customer an API object belongs to: itself for a customer, else its customerId. */
function ownerOf(object: JsonObject): string | undefined {
  if (object.object === "customer" && typeof object.id === "string") return object.id;
  if (typeof object.object === "string" && typeof object.customerId === "string") return object.customerId;
  return undefined;
}

/**
 * Any JSON value with the erasure applied: a redacted customer's objects (the customer itself,
 * its payments, sessions, invoices) get their personal fields erased, and every string (keys
 * too) loses the personal values it contains. An object that belongs to another customer is left
 * exactly as it is: two customers may share an email, and only the redacted one is erased.
 */
export function scrubJson(value: unknown, erasure: Erasure): unknown {
  if (typeof value === "string") return redactText(value, erasure);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, erasure));
  if (!isObject(value)) return value;
  const owner = ownerOf(value);
  if (owner !== undefined && !erasure.customerIds.has(owner)) return value;
  return scrubFields(value, owner === undefined ? undefined : personalFieldsOf(value), erasure);
}

/**
 * An event's `data`: its object as in scrubJson, and its `previousAttributes` (the old values of
 * the object's fields) by the same object's rules.
 */
export function scrubEventData(data: unknown, erasure: Erasure): unknown {
  if (!isObject(data) || !isObject(data.object)) return scrubJson(data, erasure);
  const owner = ownerOf(data.object);
  const foreign = owner !== undefined && !erasure.customerIds.has(owner);
  const personal = owner === undefined ? undefined : personalFieldsOf(data.object);
  return Object.fromEntries(
    Object.entries(data).map(([key, inner]) => [
      key,
      foreign
        ? inner
        : key === "previousAttributes" && isObject(inner)
          ? scrubFields(inner, personal, erasure)
          : scrubJson(inner, erasure),
    ]),
  );
}

/** True when the erasure changes `value` (so the row must be written back). */
export function changes(before: unknown, after: unknown): boolean {
  return !isDeepStrictEqual(before, after);
}

function personalFieldsOf(object: JsonObject): Record<string, unknown> | undefined {
  return typeof object.object === "string" ? PERSONAL_FIELDS[object.object] : undefined;
}

function scrubFields(
  object: JsonObject,
  personal: Record<string, unknown> | undefined,
  erasure: Erasure,
): JsonObject {
  const result: JsonObject = {};
  for (const [key, inner] of Object.entries(object)) {
    result[redactText(key, erasure)] =
      personal && Object.hasOwn(personal, key) ? structuredClone(personal[key]) : scrubJson(inner, erasure);
  }
  return result;
}
