"use server";
// The customer page's changes, through the API's own domain functions (updateCustomer,
// mergeCustomers, redactCustomer), so validation, 409s and events are exactly the API's.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { redactCustomer } from "@/lib/customers/redact-customer";
import { metadataFromForm } from "@/lib/customers/metadata-form";
import { customerUpdateSchema } from "@/lib/customers/schemas";
import { updateCustomer } from "@/lib/customers/update-customer";
import { dashboardAction, type ActionState } from "@/lib/dashboard/dashboard-action";
import { getDashboardContext } from "@/lib/dashboard/context";

export type CustomerEditState = ActionState<{ updatedAt: string }>;

const detailsSchema = customerUpdateSchema.pick({
  name: true,
  email: true,
  phone: true,
  taxId: true,
  externalId: true,
});
const metadataSchema = customerUpdateSchema.pick({ metadata: true });

function saved(id: string) {
  revalidatePath("/dashboard/customers");
  revalidatePath(`/dashboard/customers/${id}`);
}

// The details form (name, email, phone, taxId, externalId): a blank field clears it.
export async function updateDetailsAction(
  id: string,
  previous: CustomerEditState,
  formData: FormData,
): Promise<CustomerEditState> {
  return dashboardAction(detailsSchema, async (input, { scope }) => {
    const customer = await updateCustomer(scope, id, input);
    saved(id);
    return { updatedAt: customer.updatedAt };
  })(previous, formData);
}

// The metadata editor: its rows replace the whole map, as PATCH does.
export async function updateMetadataAction(
  id: string,
  previous: CustomerEditState,
  formData: FormData,
): Promise<CustomerEditState> {
  return dashboardAction(
    metadataSchema,
    async (input, { scope }) => {
      const customer = await updateCustomer(scope, id, input);
      saved(id);
      return { updatedAt: customer.updatedAt };
    },
    metadataFromForm,
  )(previous, formData);
}

// Archive / Unarchive: archived customers leave the default list and come back with its archived filter.
export async function setArchivedAction(id: string, archived: boolean): Promise<void> {
  const { scope } = await getDashboardContext();
  await updateCustomer(scope, id, { archived });
  saved(id);
}

export type MergeState = ActionState<{ targetId: string }>;

// Merge into…: the source ({id} of the page it came from) into the chosen survivor, then its page.
export async function mergeIntoAction(
  sourceId: string,
  targetId: string,
  previous: MergeState,
  formData: FormData,
): Promise<MergeState> {
  const state = await dashboardAction(z.strictObject({}), async (_input, { scope }) => {
    const target = await mergeCustomers(scope, targetId, sourceId);
    saved(sourceId);
    saved(target.id);
    return { targetId: target.id };
  })(previous, formData);
  if (state.status === "success")
    redirect(`/dashboard/customers/${state.result.targetId}?merged=${sourceId}`);
  return state;
}

export type EraseState = ActionState<{ id: string }>;

// Erase personal data: the merchant types the customer's ID to confirm, as the page asks.
export async function eraseAction(id: string, previous: EraseState, formData: FormData): Promise<EraseState> {
  const confirmation = z.strictObject({
    confirm: z.literal(id, { error: "type the customer's ID exactly to confirm" }),
  });
  const state = await dashboardAction(confirmation, async (_input, { scope }) => {
    await redactCustomer(scope, id);
    saved(id);
    return { id };
  })(previous, formData);
  if (state.status === "success") redirect(`/dashboard/customers/${id}`);
  return state;
}
