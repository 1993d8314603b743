"use server";
// The customer page's changes: the same updateCustomer as PATCH /v1/customers/{id}, so its
// validation, 409s and customer.updated events are the API's own.
import { revalidatePath } from "next/cache";
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
