import type { WebhookEndpoint as EndpointRow } from "@/lib/generated/prisma/client";
import type { WebhookEndpoint } from "@/lib/webhooks/schemas";

/** The public endpoint; the secret only when asked for (the response that created it). */
export function serializeWebhookEndpoint(
  row: EndpointRow,
  options: { withSecret?: boolean } = {},
): WebhookEndpoint {
  return {
    id: row.id,
    object: "webhook_endpoint",
    url: row.url,
    events: row.events,
    description: row.description,
    status: row.disabledAt ? "disabled" : "enabled",
    ...(options.withSecret ? { secret: row.secret } : {}),
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
