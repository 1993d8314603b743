import "server-only";
import { errorBody } from "@/lib/api/error-response";
import { apiErrorFromZod } from "@/lib/api/zod-error";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import { createCustomers } from "@/lib/customers/create-customers";
import { customerCreateSchema, type CustomerCreateInput } from "@/lib/customers/schemas";

export type BulkResultItem =
  | { index: number; status: 201; customer: unknown }
  | { index: number; status: number; error: ReturnType<typeof errorBody>["error"] };

/** POST /customers/bulk: each item validated and created on its own terms, results in input order. */
export async function bulkCreateCustomers(
  scope: Scope,
  items: unknown[],
  requestId: string,
  db: Db = prisma,
) {
  const results: BulkResultItem[] = new Array(items.length);
  const valid: { index: number; input: CustomerCreateInput }[] = [];
  items.forEach((item, index) => {
    const parsed = customerCreateSchema.safeParse(item, { reportInput: true });
    if (parsed.success) valid.push({ index, input: parsed.data });
    else {
      const error = apiErrorFromZod(parsed.error);
      results[index] = { index, status: error.status, error: errorBody(error, requestId).error };
    }
  });
  const outcomes = await createCustomers(
    scope,
    valid.map((v) => v.input),
    db,
  );
  outcomes.forEach((outcome, i) => {
    const { index } = valid[i];
    results[index] =
      "customer" in outcome
        ? { index, status: 201, customer: outcome.customer }
        : { index, status: outcome.error.status, error: errorBody(outcome.error, requestId).error };
  });
  return { object: "bulk_result", results };
}
