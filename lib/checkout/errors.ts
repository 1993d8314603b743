import { ApiError, notFound } from "@/lib/api/errors";

export const checkoutSessionNotFound = (id: string) => notFound("checkout session", id);

export function checkoutSessionExpired(id: string): ApiError {
  return new ApiError("checkout_session_expired", `Checkout session ${id} has expired and cannot be paid.`, {
    param: "id",
  });
}

export function completionNeedsTestMode(): ApiError {
  return new ApiError(
    "test_mode_only",
    "Only test-mode sessions can be completed through the API; live payers use the hosted page.",
  );
}
