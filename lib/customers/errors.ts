import { ApiError } from "@/lib/api/errors";

export function duplicateExternalId(externalId: string, existingId: string): ApiError {
  return new ApiError(
    "resource_already_exists",
    `A customer with externalId '${externalId}' already exists: ${existingId}.`,
    { param: "externalId", extra: { existingId } },
  );
}

export function customerNotFound(id: string): ApiError {
  return new ApiError("resource_missing", `No such customer: '${id}'`, { param: "id" });
}

export function invalidDefaultPaymentToken(): ApiError {
  return new ApiError(
    "parameter_invalid",
    "defaultPaymentTokenId: must name a payment token attached to this customer",
    { param: "defaultPaymentTokenId" },
  );
}
