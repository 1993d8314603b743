// Request and response shapes of the customer endpoints: the single source for validation,
// TypeScript types and the OpenAPI document.
import { z } from "zod";
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

export const customerCreateSchema = z.strictObject(writableFields);
export type CustomerCreateInput = z.output<typeof customerCreateSchema>;

export const customerUpdateSchema = z.strictObject({ ...writableFields, archived: booleanField.optional() });
export type CustomerUpdateInput = z.output<typeof customerUpdateSchema>;

export const BULK_MAX_ITEMS = 1000;

export const customerBulkCreateSchema = z.strictObject({
  items: z
    .preprocess(
      // Form bodies carry items[0][email]=…: an object keyed 0, 1, 2…
      (value) =>
        value && typeof value === "object" && !Array.isArray(value) ? Object.values(value as object) : value,
      z.array(z.unknown(), { error: "must be an array of customers" }),
    )
    .pipe(
      z
        .array(z.unknown())
        .min(1, "must hold at least one customer")
        .max(BULK_MAX_ITEMS, `must hold at most ${BULK_MAX_ITEMS} customers`),
    ),
});

export const customerSortValues = ["-createdAt", "createdAt", "name", "-name", "email", "-email"] as const;
export type CustomerSort = (typeof customerSortValues)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date (`2026-11-01`, a whole UTC day) or an ISO 8601 timestamp, as an inclusive bound. */
function dateBound(edge: "start" | "end") {
  return z.string().transform((value, ctx) => {
    const isDate = DATE_ONLY.test(value);
    const parsed = new Date(isDate ? `${value}T00:00:00.000Z` : value);
    const valid =
      !Number.isNaN(parsed.getTime()) &&
      (isDate ? parsed.toISOString().startsWith(value) : /^\d{4}-\d{2}-\d{2}T/.test(value));
    if (!valid) {
      ctx.addIssue({ code: "custom", message: "must be a date (2026-11-01) or an ISO 8601 timestamp" });
      return z.NEVER;
    }
    // "createdTo=2026-11-30" includes the whole of that day.
    return isDate && edge === "end" ? new Date(parsed.getTime() + 86_400_000 - 1) : parsed;
  });
}

export const customerFilterFields = {
  email: z.string().max(512, "must be at most 512 characters").optional(),
  externalId: z.string().max(255, "must be at most 255 characters").optional(),
  q: z.string().max(256, "must be at most 256 characters").optional(),
  createdFrom: dateBound("start").optional(),
  createdTo: dateBound("end").optional(),
  sort: z
    .enum(customerSortValues, { error: `must be one of ${customerSortValues.join(", ")}` })
    .default("-createdAt"),
  archived: z.enum(["false", "true", "all"], { error: "must be false, true or all" }).default("false"),
};

export const customerListQuerySchema = z.strictObject({
  ...customerFilterFields,
  limit: z
    .string()
    .regex(/^\d+$/, "must be an integer from 1 to 100")
    .transform(Number)
    .pipe(z.number().min(1, "must be an integer from 1 to 100").max(100, "must be an integer from 1 to 100"))
    .default(10),
  cursor: z.string().optional(),
});
export type CustomerListQuery = z.output<typeof customerListQuerySchema>;
export type CustomerFilters = Omit<CustomerListQuery, "limit" | "cursor">;

export const customerExportQuerySchema = z.strictObject(customerFilterFields);

export const customerSchema = z
  .object({
    id: z.string().meta({ example: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    object: z.literal("customer"),
    externalId: z.string().nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    taxId: z.string().nullable(),
    defaultPaymentTokenId: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    archivedAt: z.iso.datetime().nullable(),
    redactedAt: z.iso.datetime().nullable(),
    mergedIntoId: z.string().nullable(),
    livemode: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Customer" });
export type Customer = z.infer<typeof customerSchema>;
