// Request and response shapes of the customer endpoints: the single source for validation,
// TypeScript types and the OpenAPI document.
import { z } from "zod";
import { containsNul } from "@/lib/api/request-text";
import { cursorParam, limitParam } from "@/lib/api/list-params";
import {
  booleanField,
  defaultPaymentTokenIdField,
  emailField,
  externalIdField,
  metadataField,
  nameField,
  phoneField,
  taxIdField,
} from "@/lib/customers/fields";

const writableFields = {
  externalId: externalIdField.optional(),
  email: emailField.optional(),
  name: nameField.optional(),
  phone: phoneField.optional(),
  taxId: taxIdField.optional(),
  defaultPaymentTokenId: defaultPaymentTokenIdField.optional(),
  metadata: metadataField.optional(),
};

export const customerCreateSchema = z.strictObject(writableFields).meta({
  id: "CustomerCreate",
  description: "Every field is optional: an empty customer is valid. A blank string means null.",
});
export type CustomerCreateInput = z.output<typeof customerCreateSchema>;

export const customerUpdateSchema = z
  .strictObject({
    ...writableFields,
    archived: booleanField
      .optional()
      .meta({ description: "Write-only: true sets archivedAt, false clears it." }),
  })
  .meta({
    id: "CustomerUpdate",
    description: "A field left out is unchanged; null clears it; metadata replaces the whole map.",
  });
export type CustomerUpdateInput = z.output<typeof customerUpdateSchema>;

export const customerMergeSchema = z
  .strictObject({
    sourceId: z
      .string({ error: "must be a customer id (cus_…)" })
      .trim()
      .min(1, "must be a customer id (cus_…)")
      .max(64, "must be a customer id (cus_…)")
      .refine((value) => !containsNul(value), "must be a customer id (cus_…)")
      .meta({
        description: "The customer merged into this one: archived afterwards, with mergedIntoId set.",
        example: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2Q",
      }),
  })
  .meta({ id: "CustomerMerge" });
export type CustomerMergeInput = z.output<typeof customerMergeSchema>;

/** Erasure takes no parameters; anything sent is an unknown parameter, as on every endpoint. */
export const customerRedactSchema = z.strictObject({});

export const BULK_MAX_ITEMS = 1000;

export const customerBulkCreateSchema = z
  .strictObject({
    items: z
      .preprocess(
        // Form bodies carry items[0][email]=…: an object keyed 0, 1, 2…
        (value) =>
          value && typeof value === "object" && !Array.isArray(value)
            ? Object.values(value as object)
            : value,
        z.array(z.unknown(), { error: "must be an array of customers" }),
      )
      .pipe(
        z
          .array(z.unknown())
          .min(1, "must hold at least one customer")
          .max(BULK_MAX_ITEMS, `must hold at most ${BULK_MAX_ITEMS} customers`),
      )
      .meta({
        description: `1-${BULK_MAX_ITEMS} create bodies, each validated on its own.`,
        // Items are unknown here and parsed one by one with customerCreateSchema (so one bad item
        // never fails the others); the document shows that schema.
        override: {
          type: "array",
          minItems: 1,
          maxItems: BULK_MAX_ITEMS,
          items: { $ref: "#/components/schemas/CustomerCreate" },
        },
      }),
  })
  .meta({
    id: "CustomerBulkCreate",
    // z.preprocess makes `items` look optional to JSON Schema; a missing one is 400 parameter_missing.
    override: { required: ["items"] },
  });

export const customerSortValues = ["-createdAt", "createdAt", "name", "-name", "email", "-email"] as const;
export type CustomerSort = (typeof customerSortValues)[number];

/** A date (`2026-11-01`, a whole UTC day) or an ISO 8601 timestamp, as an inclusive bound. */
function dateBound(edge: "start" | "end") {
  return z.string().transform((value, ctx) => {
    const parsed = parseDateBound(value, edge);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "must be a date (2026-11-01) or an ISO 8601 timestamp" });
      return z.NEVER;
    }
    return parsed;
  });
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A date is a whole UTC day ("createdTo=2026-11-30" includes all of that day); a timestamp
 * without an offset is UTC, never the server's time zone. Days that do not exist are refused.
 */
export function parseDateBound(value: string, edge: "start" | "end"): Date | undefined {
  const match = TIMESTAMP.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction = "0", offset = "Z"] = match;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const realDay =
    calendar.getUTCFullYear() === Number(year) &&
    calendar.getUTCMonth() === Number(month) - 1 &&
    calendar.getUTCDate() === Number(day);
  if (!realDay || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const ms = Number(fraction.padEnd(3, "0").slice(0, 3));
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}.${String(ms).padStart(3, "0")}${offset}`;
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return undefined;
  const isDateOnly = match[4] === undefined;
  return isDateOnly && edge === "end" ? new Date(parsed.getTime() + 86_400_000 - 1) : parsed;
}

export const customerFilterFields = {
  email: z
    .string()
    .max(512, "must be at most 512 characters")
    .optional()
    .meta({ description: "Exact match, case-insensitive.", example: "alice@example.com" }),
  externalId: z
    .string()
    .max(255, "must be at most 255 characters")
    .optional()
    .meta({ description: "Exact match.", example: "crm_19823" }),
  q: z.string().max(256, "must be at most 256 characters").optional().meta({
    description:
      "Partial match, case-insensitive, over name, email, externalId and id. Typo-tolerant too: finds customers whose name and email hold every word of the term, each exactly or, for a word of 4+ letters without digits, with one typo (a letter added, dropped, changed, or two swapped).",
    example: "alice",
  }),
  createdFrom: dateBound("start").optional().meta({
    description: "Inclusive lower bound: a date (a whole UTC day) or a timestamp.",
    example: "2026-11-01",
  }),
  createdTo: dateBound("end").optional().meta({
    description: "Inclusive upper bound: a date (a whole UTC day) or a timestamp.",
    example: "2026-11-30",
  }),
  sort: z
    .enum(customerSortValues, { error: `must be one of ${customerSortValues.join(", ")}` })
    .default("-createdAt")
    .meta({ description: "Sort order; ties are broken by id, so paging is stable." }),
  archived: z
    .enum(["false", "true", "all"], { error: "must be false, true or all" })
    .default("false")
    .meta({ description: "Archived customers only (true), unarchived only (false), or all." }),
};

export const customerListQuerySchema = z.strictObject({
  ...customerFilterFields,
  limit: limitParam,
  cursor: cursorParam,
});
export type CustomerListQuery = z.output<typeof customerListQuerySchema>;
export type CustomerFilters = Omit<CustomerListQuery, "limit" | "cursor">;

export const customerExportQuerySchema = z.strictObject(customerFilterFields);

export const customerSchema = z
  .object({
    id: z.string().meta({ example: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    object: z.literal("customer"),
    externalId: z.string().nullable().meta({ description: "Your own ID, unique per workspace and mode." }),
    email: z.string().nullable().meta({ example: "alice@example.com" }),
    name: z.string().nullable().meta({ example: "Alice Smith" }),
    phone: z.string().nullable().meta({ example: "+6281234567890" }),
    taxId: z.string().nullable().meta({ description: "NPWP, VAT or other tax number." }),
    defaultPaymentTokenId: z.string().nullable(),
    metadata: z.record(z.string(), z.string()).meta({ description: "Your string pairs; {} when empty." }),
    archivedAt: z.iso.datetime().nullable(),
    redactedAt: z.iso.datetime().nullable().meta({ description: "Set when the personal data was erased." }),
    mergedIntoId: z.string().nullable().meta({ description: "The customer this one was merged into." }),
    livemode: z.boolean().meta({ description: "true for live-mode data, false for test mode." }),
    createdAt: z.iso.datetime().meta({ example: "2026-11-24T10:00:00.000Z" }),
    updatedAt: z.iso.datetime().meta({ example: "2026-11-24T10:00:00.000Z" }),
  })
  .meta({
    id: "Customer",
    description: "Every key is always present: absent values are null, metadata is {} when empty.",
  });
export type Customer = z.infer<typeof customerSchema>;
