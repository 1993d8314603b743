import "server-only";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { retrieveCustomer } from "@/lib/customers/retrieve-customer";
import type { Scope } from "@/lib/scope";

/** For the customer's pages: unknown, another workspace's or the other mode's are all the same 404. */
export async function customerOr404(scope: Scope, id: string) {
  try {
    return await retrieveCustomer(scope, id);
  } catch (error) {
    if (error instanceof ApiError && error.code === "resource_missing") notFound();
    throw error;
  }
}
