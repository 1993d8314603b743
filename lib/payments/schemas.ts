// Response shapes of the payment endpoints: the single source for types and the OpenAPI document.
import { z } from "zod";

export const paymentStatuses = ["pending", "succeeded", "failed", "refunded"] as const;

export const paymentSchema = z
  .object({
    id: z.string().meta({ example: "pay_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    object: z.literal("payment"),
    customerId: z.string().nullable().meta({ description: "The customer who paid, if known." }),
    amount: z
      .int()
      .meta({ description: "In minor units (IDR has none: 1250000 is Rp 1.250.000).", example: 1250000 }),
    amountRefunded: z
      .int()
      .meta({ description: "How much of amount was refunded, in minor units.", example: 0 }),
    currency: z.string().meta({ description: "ISO 4217, upper case.", example: "IDR" }),
    status: z.enum(paymentStatuses),
    email: z.string().nullable().meta({ description: "The payer's email as given at payment time." }),
    name: z.string().nullable().meta({ description: "The payer's name as given at payment time." }),
    description: z.string().nullable().meta({ example: "Coffee beans 1kg" }),
    metadata: z.record(z.string(), z.string()).meta({ description: "Your string pairs; {} when empty." }),
    livemode: z.boolean().meta({ description: "true for live-mode data, false for test mode." }),
    createdAt: z.iso.datetime().meta({ example: "2026-11-24T10:00:00.000Z" }),
  })
  .meta({ id: "Payment", description: "Every key is always present: absent values are null." });
export type Payment = z.infer<typeof paymentSchema>;
