"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { apiErrorFromZod } from "@/lib/api/zod-error";
import { dashboardAction, type ActionState } from "@/lib/dashboard/dashboard-action";
import { resendDelivery } from "@/lib/webhooks/webhook-deliveries";
import { createWebhookEndpoint } from "@/lib/webhooks/webhook-endpoints";
import { webhookEndpointCreateSchema } from "@/lib/webhooks/schemas";

export type CreateEndpointState = ActionState<{ id: string; url: string; secret: string }>;
export type ResendDeliveryState = ActionState<{ resent: string }>;

// The form sends the events as one comma- or space-separated field ("customer.created, customer.updated" or "*").
const createEndpointForm = z.object({
  url: z.string(),
  events: z.string().transform((value) => value.split(/[\s,]+/).filter(Boolean)),
  description: z.string().optional(),
});

const createEndpoint = dashboardAction(createEndpointForm, async (form, { scope }) => {
  // The API's own rules, so the form names the same field the API would.
  const input = webhookEndpointCreateSchema.safeParse({
    url: form.url,
    events: form.events,
    description: form.description || null,
  });
  if (!input.success) throw apiErrorFromZod(input.error);
  const endpoint = await createWebhookEndpoint(scope, input.data);
  revalidatePath("/dashboard/developers");
  return { id: endpoint.id, url: endpoint.url, secret: endpoint.secret! };
});

const resend = dashboardAction(
  z.object({ deliveryId: z.string().max(64) }),
  async ({ deliveryId }, { scope }) => {
    await resendDelivery(scope, deliveryId);
    revalidatePath("/dashboard/developers");
    return { resent: deliveryId };
  },
);

// Form actions of the Developers page's webhooks section: a new endpoint (its secret shown once), or a resend.
export async function createEndpointAction(
  previous: CreateEndpointState,
  formData: FormData,
): Promise<CreateEndpointState> {
  return createEndpoint(previous, formData);
}

export async function resendDeliveryAction(
  previous: ResendDeliveryState,
  formData: FormData,
): Promise<ResendDeliveryState> {
  return resend(previous, formData);
}
