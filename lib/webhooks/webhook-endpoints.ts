import "server-only";
// Create, list, retrieve and update a workspace's webhook endpoints, scoped to one mode.
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import {
  MAX_ENDPOINTS_PER_MODE,
  type WebhookEndpoint,
  type WebhookEndpointCreateInput,
  type WebhookEndpointUpdateInput,
} from "@/lib/webhooks/schemas";
import { serializeWebhookEndpoint } from "@/lib/webhooks/serialize";
import { newSigningSecret } from "@/lib/webhooks/signature";

function endpointNotFound(id: string): ApiError {
  return new ApiError("resource_missing", `No such webhook endpoint: '${id}'`, { param: "id" });
}

/** POST /webhook_endpoints: a new endpoint with a new signing secret, shown in this response only. */
export async function createWebhookEndpoint(
  scope: Scope,
  input: WebhookEndpointCreateInput,
  db: Db = prisma,
): Promise<WebhookEndpoint> {
  return inTransaction(db, async (tx) => {
    const count = await tx.webhookEndpoint.count({
      where: { workspaceId: scope.workspaceId, livemode: scope.livemode },
    });
    if (count >= MAX_ENDPOINTS_PER_MODE) {
      throw new ApiError(
        "parameter_invalid",
        `url: this mode already has ${MAX_ENDPOINTS_PER_MODE} webhook endpoints; disable or reuse one`,
        { param: "url" },
      );
    }
    const row = await tx.webhookEndpoint.create({
      data: {
        id: newId("webhookEndpoint"),
        workspaceId: scope.workspaceId,
        livemode: scope.livemode,
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        secret: newSigningSecret(),
      },
    });
    return serializeWebhookEndpoint(row, { withSecret: true });
  });
}

/** GET /webhook_endpoints: all of the mode's endpoints (at most 100), newest first. */
export async function listWebhookEndpoints(scope: Scope, db: Db = prisma): Promise<WebhookEndpoint[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { workspaceId: scope.workspaceId, livemode: scope.livemode },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_ENDPOINTS_PER_MODE,
  });
  return rows.map((row) => serializeWebhookEndpoint(row));
}

/** Another workspace's or mode's endpoint is "not found", exactly as if it did not exist. */
export async function retrieveWebhookEndpoint(
  scope: Scope,
  id: string,
  db: Db = prisma,
): Promise<WebhookEndpoint> {
  const row = await db.webhookEndpoint.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
  });
  if (!row || row.livemode !== scope.livemode) throw endpointNotFound(id);
  return serializeWebhookEndpoint(row);
}

/** PATCH /webhook_endpoints/{id}: change url, events or description; disable or enable it. */
export async function updateWebhookEndpoint(
  scope: Scope,
  id: string,
  input: WebhookEndpointUpdateInput,
  db: Db = prisma,
): Promise<WebhookEndpoint> {
  return inTransaction(db, async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
    });
    if (!row || row.livemode !== scope.livemode) throw endpointNotFound(id);
    const disabledAt =
      input.disabled === undefined ? undefined : input.disabled ? (row.disabledAt ?? new Date()) : null;
    const updated = await tx.webhookEndpoint.update({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
      data: { url: input.url, events: input.events, description: input.description, disabledAt },
    });
    return serializeWebhookEndpoint(updated);
  });
}
