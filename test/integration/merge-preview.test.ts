// previewMerge and mergeCustomers called directly, as the dashboard calls them: the preview's
// counts are what the merge then moves, and both refuse alike.
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { createCustomer } from "@/lib/customers/create-customers";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { previewMerge } from "@/lib/customers/preview-merge";
import { redactCustomer } from "@/lib/customers/redact-customer";
import { updateCustomer } from "@/lib/customers/update-customer";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { createTestWorkspace } from "@/test/support/api-client";
import { givePayment, givePaymentToken, ownedCounts } from "@/test/support/merge-rows";
import { insertRows } from "@/test/support/money-rows";

async function newScope() {
  return { workspaceId: (await createTestWorkspace()).workspaceId, livemode: false };
}

describe("previewMerge", () => {
  it("counts exactly what mergeCustomers then moves", async () => {
    const scope = await newScope();
    const target = await createCustomer(scope, { name: "Target" });
    const source = await createCustomer(scope, { name: "Source" });
    await givePaymentToken(scope, target.id, "fp_a");
    await givePaymentToken(scope, target.id, "fp_a"); // the target's own duplicate stays
    const sameCard = await givePaymentToken(scope, source.id, "fp_a");
    await givePaymentToken(scope, source.id, "fp_b");
    await givePaymentToken(scope, source.id, "fp_c");
    await givePayment(scope, source.id, sameCard);
    await givePayment(scope, source.id, null);
    await insertRows("subscriptions", scope, [source.id], [new Date(), new Date()]);
    await issueInvoice(scope, { customerId: source.id, amountDue: 500, currency: "IDR" });
    for (let i = 0; i < 3; i++)
      await createCheckoutSession(scope, { amount: 100, currency: "IDR", customerId: source.id });
    const targetBefore = await ownedCounts(scope, target.id);

    const preview = await previewMerge(scope, target.id, source.id);
    expect(preview).toEqual({
      target,
      source,
      payments: 2,
      subscriptions: 2,
      invoices: 1,
      checkoutSessions: 3,
      paymentTokens: 3,
      duplicatePaymentTokens: 1,
    });

    const merged = await mergeCustomers(scope, target.id, source.id);
    expect(merged).toEqual(target);
    expect(await ownedCounts(scope, source.id)).toEqual({
      payments: 0,
      subscriptions: 0,
      invoices: 0,
      checkoutSessions: 0,
      paymentTokens: 0,
    });
    expect(await ownedCounts(scope, target.id)).toEqual({
      payments: targetBefore.payments + preview.payments,
      subscriptions: targetBefore.subscriptions + preview.subscriptions,
      invoices: targetBefore.invoices + preview.invoices,
      checkoutSessions: targetBefore.checkoutSessions + preview.checkoutSessions,
      paymentTokens: targetBefore.paymentTokens + preview.paymentTokens - preview.duplicatePaymentTokens,
    });
  });

  it("refuses what the merge refuses, with the same errors", async () => {
    const scope = await newScope();
    const other = await newScope();
    const target = await createCustomer(scope, {});
    const archived = await createCustomer(scope, {});
    await updateCustomer(scope, archived.id, { archived: true });
    const redacted = await createCustomer(scope, {});
    await redactCustomer(scope, redacted.id);
    const merged = await createCustomer(scope, {});
    await mergeCustomers(scope, target.id, merged.id);
    const foreign = await createCustomer(other, {});
    const live = await createCustomer({ ...scope, livemode: true }, {});

    const cases: [string, string][] = [
      [target.id, target.id],
      [target.id, "cus_unknown"],
      [target.id, foreign.id],
      [target.id, live.id],
      [archived.id, target.id],
      [redacted.id, target.id],
      [target.id, redacted.id],
      [target.id, merged.id],
      [merged.id, target.id],
    ];
    for (const [targetId, sourceId] of cases) {
      const refusal = (work: Promise<unknown>) =>
        work.then(
          () => undefined,
          (error: unknown) => {
            expect(error).toBeInstanceOf(ApiError);
            const { code, param, message } = error as ApiError;
            return { code, param, message };
          },
        );
      const previewed = await refusal(previewMerge(scope, targetId, sourceId));
      expect(previewed, `${targetId} ← ${sourceId}`).toBeDefined();
      expect(await refusal(mergeCustomers(scope, targetId, sourceId))).toEqual(previewed);
    }
  });
});
