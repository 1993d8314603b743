"use server";
import { redirect } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { apiErrorFromZod } from "@/lib/api/zod-error";
import { completeCheckoutSession } from "@/lib/checkout/complete-checkout-session";
import { checkoutCompleteSchema } from "@/lib/checkout/schemas";
import { findCheckoutForPayer } from "@/lib/checkout/retrieve-checkout-session";

export type PayState = { error?: string; field?: string; values?: { email: string; name: string } };

// Form action of the hosted checkout's "Pay with test card": the same completion as the API's, then
// the receipt. Only test-mode sessions can be paid here (there is no live card processing).
export async function payWithTestCardAction(
  sessionId: string,
  _previous: PayState,
  formData: FormData,
): Promise<PayState> {
  const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") };
  const checkout = await findCheckoutForPayer(sessionId);
  if (!checkout || checkout.session.livemode)
    return { error: "This checkout cannot be paid with a test card.", values };
  const parsed = checkoutCompleteSchema.safeParse(values);
  try {
    if (!parsed.success) throw apiErrorFromZod(parsed.error);
    await completeCheckoutSession(sessionId, parsed.data);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    const message =
      error.code === "checkout_session_expired"
        ? "This checkout has expired. Ask the merchant for a new payment link."
        : error.param === "email"
          ? "Enter a valid email address."
          : error.message;
    return { error: message, field: error.param, values };
  }
  redirect(`/checkout/${sessionId}`);
}
