// Query parameters shared by the lists of payments, subscriptions and invoices (GET /payments …):
// the same page size and cursor rules as GET /customers, and the customerId filter.
import { z } from "zod";

const LIMIT_MESSAGE = "must be an integer from 1 to 100";

export const limitParam = z
  .string()
  .regex(/^\d+$/, LIMIT_MESSAGE)
  .transform(Number)
  .pipe(z.number().min(1, LIMIT_MESSAGE).max(100, LIMIT_MESSAGE))
  .default(10)
  .meta({
    description: "Page size, 1-100.",
    // A query string on the wire, parsed in a pipe JSON Schema cannot see through: show the integer.
    override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
      delete jsonSchema.pattern;
      Object.assign(jsonSchema, { type: "integer", minimum: 1, maximum: 100, default: 10 });
    },
  });

export const cursorParam = z
  .string()
  .optional()
  .meta({ description: "The nextCursor of the previous page: resumes exactly after its last item." });

export const customerIdParam = z
  .string()
  .min(1, "must be a customer id (cus_…)")
  .max(64, "must be a customer id (cus_…)")
  .optional()
  .meta({
    description: "Only this customer's objects. An unknown id gives an empty list.",
    example: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P",
  });

/** `?customerId=&limit=&cursor=`, strict: any other parameter is 400 parameter_unknown. */
export const customerScopedListQuerySchema = z.strictObject({
  customerId: customerIdParam,
  limit: limitParam,
  cursor: cursorParam,
});
export type CustomerScopedListQuery = z.output<typeof customerScopedListQuerySchema>;
