// The customer's field rules (contract: "Field rules"), as zod schemas shared by create, update,
// bulk create, the dashboard's forms and the OpenAPI document.
import { z } from "zod";
import { containsNul, NUL_MESSAGE } from "@/lib/api/request-text";

/** NFC-normalised and trimmed; an empty string means null. */
export function normalizeText(value: string): string | null {
  const text = value.normalize("NFC").trim();
  return text === "" ? null : text;
}

type FieldDoc = { description: string; example: string };
type Rule = { test: (value: string) => boolean; message: string };

/**
 * A top-level text field: normalised (NFC, trimmed, empty means null), at most `max` characters,
 * optionally checked by `rule`. The length check runs after trimming, inside the pipe, where
 * zod-openapi cannot see it, so the document is told the limit explicitly.
 */
function text(max: number, doc: FieldDoc, rule?: Rule) {
  const field = z
    .union([z.string(), z.null()], { error: "must be a string or null" })
    .transform((value) => (value === null ? null : normalizeText(value)))
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        .refine((value) => !containsNul(value), NUL_MESSAGE)
        .nullable(),
    );
  const checked = rule
    ? field.refine((value) => value === null || rule.test(value), { message: rule.message })
    : field;
  return checked.meta({ ...doc, override: { maxLength: max } });
}

// Unicode letters are allowed (IDN domains, non-Latin local parts); the domain needs a dot and a
// top-level label of two letters or more, as deliverable addresses do.
const EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\]\\]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

export const emailField = text(
  512,
  {
    description:
      "A valid email address, at most 512 characters; stored as given (trimmed), matched case-insensitively, not unique.",
    example: "alice@example.com",
  },
  { test: (value) => EMAIL_PATTERN.test(value), message: "must be a valid email address" },
);

export const externalIdField = text(255, {
  description: "Your own ID for this customer, 1-255 characters; unique per workspace and mode.",
  example: "crm_19823",
});

export const nameField = text(256, {
  description: "Display name, at most 256 characters of any Unicode.",
  example: "Alice Smith",
});

export const taxIdField = text(64, {
  description: "NPWP, VAT or other tax number, at most 64 characters.",
  example: "01.234.567.8-901.000",
});

export const phoneField = text(
  32,
  {
    description: "At most 32 characters of digits, spaces and + - ( ), with at least 4 digits.",
    example: "+6281234567890",
  },
  {
    test: (value) => /^[0-9 +\-()]+$/.test(value) && (value.match(/[0-9]/g)?.length ?? 0) >= 4,
    message: "must be digits, spaces and + - ( ), with at least 4 digits",
  },
);

export const defaultPaymentTokenIdField = text(64, {
  description: "A payment token (ptok_…) attached to this customer, charged by default.",
  example: "ptok_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P",
});

export const METADATA_MAX_KEYS = 50;
export const METADATA_KEY_MAX = 40;
export const METADATA_VALUE_MAX = 500;

/** Metadata is stored exactly as sent (no trimming); `null` means "wipe to {}". */
export const metadataField = z
  .unknown()
  .transform((value, ctx): Record<string, string> | null => {
    if (value === null) return null;
    if (typeof value !== "object" || Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: "must be an object of string values" });
      return z.NEVER;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > METADATA_MAX_KEYS) {
      ctx.addIssue({ code: "custom", message: `must have at most ${METADATA_MAX_KEYS} keys` });
      return z.NEVER;
    }
    for (const [key, entry] of entries) {
      const problem =
        key.length === 0 || key.length > METADATA_KEY_MAX
          ? `keys must be 1-${METADATA_KEY_MAX} characters`
          : /[[\]]/.test(key)
            ? "keys must not contain [ or ]"
            : typeof entry !== "string"
              ? "values must be strings"
              : entry.length > METADATA_VALUE_MAX
                ? `values must be at most ${METADATA_VALUE_MAX} characters`
                : containsNul(key) || containsNul(entry)
                  ? `keys and values ${NUL_MESSAGE}`
                  : undefined;
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem, path: key.length ? [key] : [] });
        return z.NEVER;
      }
    }
    return Object.fromEntries(entries) as Record<string, string>;
  })
  .meta({
    description: `Up to ${METADATA_MAX_KEYS} string pairs of your own data, stored exactly as sent. On update it replaces the whole map; null wipes it to {}.`,
    example: { segment: "enterprise" },
    // The rules live in a transform, which JSON Schema cannot see: state them here.
    override: {
      type: ["object", "null"],
      maxProperties: METADATA_MAX_KEYS,
      propertyNames: { minLength: 1, maxLength: METADATA_KEY_MAX, pattern: "^[^\\[\\]]*$" },
      additionalProperties: { type: "string", maxLength: METADATA_VALUE_MAX },
    },
  });

/** `true`/`false`, also as the strings a form body carries. */
export const booleanField = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
    error: "must be true or false",
  })
  .meta({ description: "true or false (a form body sends the strings)." });
