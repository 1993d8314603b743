"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createCustomers } from "@/lib/customers/create-customers";
import { customerCreateSchema } from "@/lib/customers/schemas";
import { dashboardAction, type ActionState } from "@/lib/dashboard/dashboard-action";

export type NewCustomerState = ActionState<{ id: string }>;

const createCustomer = dashboardAction(customerCreateSchema, async (input, { scope }) => {
  const [outcome] = await createCustomers(scope, [input]);
  if ("error" in outcome) throw outcome.error;
  revalidatePath("/dashboard/customers");
  return { id: outcome.customer.id };
});

// Form action of /dashboard/customers/new: the API's create, then the new customer's page.
export async function createCustomerAction(
  previous: NewCustomerState,
  formData: FormData,
): Promise<NewCustomerState> {
  const state = await createCustomer(previous, formData);
  if (state.status === "success") redirect(`/dashboard/customers/${state.result.id}`);
  return state;
}
