// A zod failure as the contract's 400: the first bad field as `param` (dotted path), and a code
// that says what was wrong with it.
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";

export function apiErrorFromZod(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const path = issue.path.map(String);
  const join = (parts: string[]) => parts.join(".");

  if (issue.code === "unrecognized_keys") {
    const param = join([...path, issue.keys[0]]);
    return new ApiError(
      "parameter_unknown",
      `Unknown parameter: ${param || '""'}${suggestion(issue.keys[0])}`,
      {
        param,
      },
    );
  }
  const param = join(path);
  const missing =
    (issue.code === "invalid_type" || issue.code === "invalid_union") && issue.input === undefined;
  if (missing) return new ApiError("parameter_missing", `${param}: is required`, { param });
  const message = issue.message.startsWith("Invalid input") ? "is not valid" : issue.message;
  return new ApiError("parameter_invalid", `${param}: ${message}`, { param: param || undefined });
}

const KNOWN_SPELLINGS: Record<string, string> = {
  external_id: "externalId",
  tax_id: "taxId",
  default_payment_token_id: "defaultPaymentTokenId",
  created_from: "createdFrom",
  created_to: "createdTo",
};

function suggestion(key: string): string {
  const known = KNOWN_SPELLINGS[key.toLowerCase()];
  return known ? ` (did you mean ${known}?)` : "";
}
