// Payments, subscriptions and invoices against the OpenAPI document: any row the database can
// hold serializes to an object the document describes, so the two cannot drift apart.
import Ajv from "ajv/dist/2020";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  Invoice as InvoiceRow,
  Payment as PaymentRow,
  Subscription as SubscriptionRow,
} from "@/lib/generated/prisma/client";
import { serializeInvoice } from "@/lib/invoices/serialize";
import { openApiDocument } from "@/lib/openapi/document";
import { paymentStatuses } from "@/lib/payments/schemas";
import { serializePayment } from "@/lib/payments/serialize";
import { subscriptionIntervals, subscriptionStatuses } from "@/lib/subscriptions/schemas";
import { serializeSubscription } from "@/lib/subscriptions/serialize";
import { invoiceStatuses } from "@/lib/invoices/schemas";

type JsonSchema = Record<string, unknown>;
const document = openApiDocument();
const schemas = document.components!.schemas as Record<string, JsonSchema>;
const ajv = new Ajv({ allErrors: true, strict: false });
const validator = (name: string) => ajv.compile({ ...schemas[name], components: document.components });

const instant = fc.date({
  min: new Date("0001-01-01T00:00:00.000Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});
const text = fc.string({ unit: "grapheme", maxLength: 40 });
const nullableText = fc.option(text, { nil: null });
const minor = fc.bigInt({ min: BigInt(0), max: BigInt(Number.MAX_SAFE_INTEGER) });
const currency = fc.constantFrom("IDR", "USD", "SGD");

const payment: fc.Arbitrary<PaymentRow> = fc.record({
  id: text,
  workspaceId: text,
  livemode: fc.boolean(),
  customerId: nullableText,
  paymentTokenId: nullableText,
  checkoutSessionId: nullableText,
  amount: minor,
  amountRefunded: minor,
  currency,
  status: fc.constantFrom(...paymentStatuses),
  email: nullableText,
  name: nullableText,
  description: nullableText,
  metadata: fc.dictionary(text, fc.string({ maxLength: 500 }), { maxKeys: 50 }),
  createdAt: instant,
  updatedAt: instant,
});
const subscription: fc.Arbitrary<SubscriptionRow> = fc.record({
  id: text,
  workspaceId: text,
  livemode: fc.boolean(),
  customerId: text,
  status: fc.constantFrom(...subscriptionStatuses),
  amount: minor,
  currency,
  interval: fc.constantFrom(...subscriptionIntervals),
  currentPeriodEnd: instant,
  canceledAt: fc.option(instant, { nil: null }),
  metadata: fc.constant({}),
  createdAt: instant,
  updatedAt: instant,
});
const invoice: fc.Arbitrary<InvoiceRow> = fc.record({
  id: text,
  workspaceId: text,
  livemode: fc.boolean(),
  customerId: text,
  subscriptionId: nullableText,
  number: text,
  status: fc.constantFrom(...invoiceStatuses),
  amountDue: minor,
  currency,
  customerName: nullableText,
  customerEmail: nullableText,
  customerTaxId: nullableText,
  createdAt: instant,
  updatedAt: instant,
});

const cases = [
  { name: "Payment", url: "/api/v1/payments", rows: payment, serialize: serializePayment },
  {
    name: "Subscription",
    url: "/api/v1/subscriptions",
    rows: subscription,
    serialize: serializeSubscription,
  },
  { name: "Invoice", url: "/api/v1/invoices", rows: invoice, serialize: serializeInvoice },
] as const;

describe.each(cases)("the $name object", ({ name, url, rows, serialize }) => {
  it("has every key required, and every serialized row validates against the document", () => {
    const schema = schemas[name];
    expect([...(schema.required as string[])].sort()).toEqual(
      Object.keys(schema.properties as object).sort(),
    );
    const validate = validator(name);
    fc.assert(
      fc.property(rows as fc.Arbitrary<never>, (row) => {
        const object = (serialize as (row: never) => Record<string, unknown>)(row);
        expect(validate(object), ajv.errorsText(validate.errors)).toBe(true);
        // Whitelisted: no workspace id or update time leaks out.
        expect(object).not.toHaveProperty("workspaceId");
        expect(object).not.toHaveProperty("updatedAt");
      }),
      { numRuns: 50 },
    );
  });

  it("a list page of them validates against the list schema", () => {
    const validate = validator(`${name}List`);
    fc.assert(
      fc.property(
        fc.array(rows as fc.Arbitrary<never>, { maxLength: 4 }),
        fc.option(text, { nil: null }),
        (page, nextCursor) => {
          const body = {
            object: "list",
            url,
            data: page.map((row) => (serialize as (row: never) => unknown)(row)),
            hasMore: nextCursor !== null,
            nextCursor,
          };
          expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });
});
