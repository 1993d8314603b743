// Request and response shapes of the checkout endpoints (spec/api.md, "Related resources").
import { z } from "zod";
import { containsNul, NUL_MESSAGE } from "@/lib/api/request-text";
import { emailField, metadataField, nameField } from "@/lib/customers/fields";

export const CHECKOUT_AMOUNT_MAX = 999_999_999_999;
export const CHECKOUT_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

const knownCurrencies = new Set(Intl.supportedValuesOf("currency"));

const amountField = z
  .union(
    [z.number(), z.string().regex(/^\d+$/, "must be a positive integer (minor units)").transform(Number)],
    {
      error: "must be a positive integer (minor units)",
    },
  )
  .pipe(
    z
      .number()
      .int("must be a positive integer (minor units)")
      .min(1, "must be a positive integer (minor units)")
      .max(CHECKOUT_AMOUNT_MAX, `must be at most ${CHECKOUT_AMOUNT_MAX}`),
  )
  .meta({
    description: "In the currency's minor units (IDR has none: 125000 is Rp 125.000; USD 1250 is $12.50).",
    example: 125000,
    override: { type: "integer", minimum: 1, maximum: CHECKOUT_AMOUNT_MAX },
  });

const currencyField = z
  .string({ error: "must be a three-letter ISO 4217 code" })
  .trim()
  .toUpperCase()
  .refine(
    (code) => /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code),
    "must be a three-letter ISO 4217 code",
  )
  .meta({ description: "ISO 4217, any case; answered in upper case.", example: "IDR" });

export const checkoutSessionCreateSchema = z
  .strictObject({
    amount: amountField,
    currency: currencyField,
    customerId: z
      .string({ error: "must be a customer id (cus_…)" })
      .max(64, "must be a customer id (cus_…)")
      .refine((value) => !containsNul(value), "must be a customer id (cus_…)")
      .optional()
      .meta({ description: "Pay as this customer. Otherwise the payer's email decides (see completion)." }),
    customerEmail: emailField.optional().meta({ description: "Prefills the hosted page's email field." }),
    description: z
      .string({ error: "must be a string" })
      .trim()
      .max(500, "must be at most 500 characters")
      .refine((value) => !containsNul(value), NUL_MESSAGE)
      .optional()
      .meta({ description: "Shown to the payer.", example: "Kopi Susu x2" }),
    metadata: metadataField.optional(),
  })
  .meta({ id: "CheckoutSessionCreate" });
export type CheckoutSessionCreateInput = z.output<typeof checkoutSessionCreateSchema>;

export const checkoutCompleteSchema = z
  .strictObject({
    email: emailField.pipe(z.string({ error: "is required" })).meta({
      description: "The payer's email: finds or creates the customer.",
      example: "alice@example.com",
    }),
    name: nameField.optional(),
  })
  .meta({ id: "CheckoutSessionComplete" });
export type CheckoutCompleteInput = z.output<typeof checkoutCompleteSchema>;

export const checkoutSessionSchema = z
  .object({
    id: z.string().meta({ example: "cs_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    object: z.literal("checkout.session"),
    status: z.enum(["open", "complete", "expired"]),
    url: z.string().meta({ description: "The hosted page to send the payer to." }),
    amount: z.int(),
    currency: z.string().meta({ example: "IDR" }),
    customerId: z.string().nullable().meta({ description: "Set at creation, or on completion." }),
    customerEmail: z.string().nullable(),
    description: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    paymentId: z.string().nullable().meta({ description: "The payment made on completion." }),
    livemode: z.boolean(),
    expiresAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CheckoutSession" });
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;
