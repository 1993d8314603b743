// Shapes of the invoice endpoints: the single source for types and the OpenAPI document.
import { z } from "zod";

export const invoiceStatuses = ["draft", "open", "paid", "void"] as const;

export const invoiceSchema = z
  .object({
    id: z.string().meta({ example: "inv_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    object: z.literal("invoice"),
    customerId: z.string().meta({ example: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    subscriptionId: z.string().nullable().meta({ description: "The subscription it bills, if any." }),
    number: z.string().meta({ description: "Unique per workspace and mode.", example: "INV-000042" }),
    status: z.enum(invoiceStatuses),
    amountDue: z.int().meta({ description: "In minor units.", example: 149000 }),
    currency: z.string().meta({ description: "ISO 4217, upper case.", example: "IDR" }),
    customerName: z.string().nullable().meta({
      description: "The customer's name when the invoice was issued; later edits do not change it.",
    }),
    customerEmail: z
      .string()
      .nullable()
      .meta({ description: "The customer's email when the invoice was issued." }),
    customerTaxId: z
      .string()
      .nullable()
      .meta({ description: "The customer's tax ID when the invoice was issued." }),
    livemode: z.boolean().meta({ description: "true for live-mode data, false for test mode." }),
    createdAt: z.iso.datetime().meta({ example: "2026-11-24T10:00:00.000Z" }),
  })
  .meta({
    id: "Invoice",
    description: "Every key is always present: absent values are null. The customer fields are a snapshot.",
  });
export type Invoice = z.infer<typeof invoiceSchema>;
