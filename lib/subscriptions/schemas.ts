// Response shapes of the subscription endpoints: the single source for types and the OpenAPI document.
import { z } from "zod";

export const subscriptionStatuses = ["active", "trialing", "past_due", "canceled"] as const;
export const subscriptionIntervals = ["month", "year"] as const;

export const subscriptionSchema = z
  .object({
    id: z.string().meta({ example: "sub_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    object: z.literal("subscription"),
    customerId: z.string().meta({ example: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    status: z.enum(subscriptionStatuses),
    amount: z.int().meta({ description: "Per interval, in minor units.", example: 149000 }),
    currency: z.string().meta({ description: "ISO 4217, upper case.", example: "IDR" }),
    interval: z.enum(subscriptionIntervals),
    currentPeriodEnd: z.iso.datetime().meta({ example: "2026-12-24T10:00:00.000Z" }),
    livemode: z.boolean().meta({ description: "true for live-mode data, false for test mode." }),
    createdAt: z.iso.datetime().meta({ example: "2026-11-24T10:00:00.000Z" }),
  })
  .meta({ id: "Subscription", description: "Every key is always present." });
export type Subscription = z.infer<typeof subscriptionSchema>;
