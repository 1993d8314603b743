// The checks every hostile-input test makes: nothing stored, the contract's 400 envelope.
import { expect } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { ApiResponse } from "@/test/support/api-client";
import type { ApiTestbed } from "@/test/support/api-testbed";

export function refusalChecks(t: ApiTestbed) {
  /** What the workspace holds: a refused request must leave both unchanged. */
  async function stored() {
    const where = { workspaceId: t.workspace.workspaceId };
    const [customers, events, checkoutSessions, webhookEndpoints] = await Promise.all([
      prisma.customer.count({ where }),
      prisma.event.count({ where }),
      prisma.checkoutSession.count({ where }),
      prisma.webhookEndpoint.count({ where }),
    ]);
    return { customers, events, checkoutSessions, webhookEndpoints };
  }

  function expect400(response: ApiResponse, code: string, param?: string) {
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error).toMatchObject({ type: "invalid_request_error", code });
    if (param !== undefined) expect(response.body.error.param).toBe(param);
    expect(response.body.error.requestId).toMatch(/^req_/);
  }

  async function newCustomer(body: Record<string, unknown> = {}) {
    const response = await t.api.post("/api/v1/customers", body);
    expect(response.status).toBe(201);
    return response.body;
  }

  return { stored, expect400, newCustomer };
}
