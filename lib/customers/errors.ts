import { ApiError } from "@/lib/api/errors";

export function duplicateExternalId(externalId: string, existingId: string): ApiError {
  return new ApiError(
    "resource_already_exists",
    `A customer with externalId '${externalId}' already exists: ${existingId}.`,
    { param: "externalId", extra: { existingId } },
  );
}

export function customerNotFound(id: string, param = "id"): ApiError {
  return new ApiError("resource_missing", `No such customer: '${id}'`, { param });
}

export function invalidDefaultPaymentToken(): ApiError {
  return new ApiError(
    "parameter_invalid",
    "defaultPaymentTokenId: must name a payment token attached to this customer",
    { param: "defaultPaymentTokenId" },
  );
}

/** PATCHing personal data onto a customer whose personal data was erased. */
export function personalDataOnRedacted(param: string | undefined): ApiError {
  return new ApiError(
    "customer_redacted",
    "This customer's personal data was erased; it cannot be set again.",
    {
      param,
    },
  );
}

// Merge refusals: `param` is "id" for the target (the path's customer), "sourceId" for the source.
export function redactedInMerge(id: string, param: "id" | "sourceId"): ApiError {
  return new ApiError(
    "customer_redacted",
    `Customer '${id}' was redacted (its personal data erased); it cannot take part in a merge.`,
    { param },
  );
}

export function archivedMergeTarget(id: string): ApiError {
  return new ApiError(
    "customer_archived",
    `Customer '${id}' is archived; unarchive it (PATCH archived=false) before merging into it.`,
    { param: "id" },
  );
}

export function alreadyMerged(id: string, mergedIntoId: string, param: "id" | "sourceId"): ApiError {
  return new ApiError("customer_merged", `Customer '${id}' was already merged into '${mergedIntoId}'.`, {
    param,
  });
}

export function mergedStaysArchived(id: string, mergedIntoId: string): ApiError {
  return new ApiError(
    "customer_merged",
    `Customer '${id}' was merged into '${mergedIntoId}' and stays archived: its payments, subscriptions and invoices are there now.`,
    { param: "archived" },
  );
}

export function mergeIntoItself(): ApiError {
  return new ApiError("parameter_invalid", "sourceId: a customer cannot be merged into itself", {
    param: "sourceId",
  });
}
