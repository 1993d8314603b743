import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  containsPersonalValue,
  erasureOf,
  personalValues,
  redactText,
  REDACTED,
  scrubEventData,
  scrubJson,
} from "@/lib/erasure/erase-values";

const erasure = erasureOf(
  ["cus_gone"],
  personalValues({
    identifiers: ["Alice@Example.com", "alice@example.com", "+62 811 555", "01.234", "ab", null],
    names: ["Alice Smith", "Al", " "],
  }),
);

describe("personalValues", () => {
  it("keeps distinct, trimmed strings long enough to search for", () => {
    expect(erasure.values).toEqual({
      identifiers: ["Alice@Example.com", "+62 811 555", "01.234"],
      names: ["Alice Smith", "Al"],
    });
  });
});

describe("redactText", () => {
  it("erases identifiers anywhere, in any case, and regex characters literally", () => {
    expect(redactText("Order for ALICE@example.COM (+62 811 555)", erasure)).toBe(
      `Order for ${REDACTED} (${REDACTED})`,
    );
    expect(redactText("tax 01.234 vs 01x234", erasure)).toBe(`tax ${REDACTED} vs 01x234`);
    expect(redactText("mailto:xalice@example.com", erasure)).toBe(`mailto:x${REDACTED}`);
  });

  it("erases names as whole words only", () => {
    expect(redactText("Thanks, alice smith! Al's order; Also Alpha", erasure)).toBe(
      `Thanks, ${REDACTED}! ${REDACTED}'s order; Also Alpha`,
    );
  });

  it("does nothing without values", () => {
    const none = erasureOf([], personalValues({ identifiers: [], names: [] }));
    expect(redactText("alice@example.com", none)).toBe("alice@example.com");
    expect(containsPersonalValue("alice@example.com", none)).toBe(false);
  });

  it("leaves no identifier behind, whatever text surrounds it", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom("alice@example.com", "+62 811 555"),
        (a, b, v) => {
          const out = redactText(`${a}${v.toUpperCase()}${b}`, erasure);
          expect(out.toLowerCase()).not.toContain(v);
        },
      ),
    );
  });
});

describe("scrubJson", () => {
  const customer = {
    id: "cus_gone",
    object: "customer",
    externalId: "crm_1",
    email: "alice@example.com",
    name: "Alice Smith",
    phone: "+62 811 555",
    taxId: "01.234",
    metadata: { segment: "enterprise" },
  };

  it("turns the redacted customer into its tombstone and leaves another customer alone", () => {
    const other = { ...customer, id: "cus_other" };
    expect(scrubJson({ results: [{ customer }, { customer: other }] }, erasure)).toEqual({
      results: [
        {
          customer: {
            ...customer,
            email: null,
            name: null,
            phone: null,
            taxId: null,
            metadata: {},
          },
        },
        { customer: other },
      ],
    });
  });

  it("erases the personal fields of the customer's payments, sessions and invoices, and text elsewhere", () => {
    const payment = {
      id: "pay_1",
      object: "payment",
      customerId: "cus_gone",
      email: "ALICE@example.com",
      name: "Alice Smith",
      description: "Kopi for Alice Smith",
      metadata: { "alice@example.com": "+62 811 555" },
    };
    expect(scrubJson(payment, erasure)).toEqual({
      ...payment,
      email: null,
      name: null,
      description: `Kopi for ${REDACTED}`,
      metadata: { [REDACTED]: REDACTED },
    });
    expect(
      scrubJson({ object: "checkout.session", customerId: "cus_gone", customerEmail: "x@y.io" }, erasure),
    ).toEqual({ object: "checkout.session", customerId: "cus_gone", customerEmail: null });
    expect(
      scrubJson(
        {
          object: "invoice",
          customerId: "cus_gone",
          customerName: "A",
          customerEmail: "b",
          customerTaxId: "c",
        },
        erasure,
      ),
    ).toEqual({
      object: "invoice",
      customerId: "cus_gone",
      customerName: null,
      customerEmail: null,
      customerTaxId: null,
    });
    const othersPayment = { ...payment, customerId: "cus_other" };
    expect(scrubJson(othersPayment, erasure)).toEqual(othersPayment);
    expect(scrubJson({ error: { message: "alice@example.com is taken" }, n: 1 }, erasure)).toEqual({
      error: { message: `${REDACTED} is taken` },
      n: 1,
    });
  });
});

describe("scrubEventData", () => {
  it("erases previousAttributes by the rules of the event's object", () => {
    const data = {
      object: { id: "cus_gone", object: "customer", email: "new@example.org", name: null, metadata: {} },
      previousAttributes: {
        email: "alice@example.com",
        externalId: "alice@example.com",
        metadata: { a: "1" },
      },
    };
    expect(scrubEventData(data, erasure)).toEqual({
      object: { id: "cus_gone", object: "customer", email: null, name: null, metadata: {} },
      previousAttributes: { email: null, externalId: REDACTED, metadata: {} },
    });
  });

  it("leaves an event about another customer exactly as it is", () => {
    const data = {
      object: { id: "cus_other", object: "customer", email: "alice@example.com" },
      previousAttributes: { email: "alice@example.com" },
    };
    expect(scrubEventData(data, erasure)).toEqual(data);
  });
});
