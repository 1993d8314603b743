// Webhook URLs on private networks, with WEBHOOK_PRIVATE_URLS=refuse (a production build's
// default): refused when the endpoint is created or changed, and at delivery time for an endpoint
// saved before (the setting changed, or a name that now resolves inward). Decision 65.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import { startApiTestbed } from "@/test/support/api-testbed";
import { waitFor } from "@/test/support/erasure";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/support/webhook-receiver";

const t = startApiTestbed({ WEBHOOK_PRIVATE_URLS: "refuse", WEBHOOK_POLL_MS: "100" });

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver?.close());

describe("with WEBHOOK_PRIVATE_URLS=refuse", () => {
  it("refuses an endpoint on this machine or a private network (400 naming url), and stores nothing", async () => {
    const port = new URL(receiver.url).port;
    for (const url of [
      `${receiver.url}/hooks`,
      `http://localhost:${port}/hooks`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.5:8080/hooks",
      "https://[::1]/hooks",
      "http://2130706433/hooks",
    ]) {
      const response = await t.api.post("/api/v1/webhook_endpoints", { url, events: ["*"] });
      expect(response.status, url).toBe(400);
      expect(response.body.error, url).toMatchObject({
        code: "parameter_invalid",
        param: "url",
        message: expect.stringMatching(/public address/),
      });
    }
    expect(await prisma.webhookEndpoint.count({ where: { workspaceId: t.workspace.workspaceId } })).toBe(0);

    const created = await t.api.post("/api/v1/webhook_endpoints", {
      url: "https://hooks.example.com/plugipay",
      events: ["*"],
    });
    expect(created.status).toBe(201);
    const moved = await t.api.patch(`/api/v1/webhook_endpoints/${created.body.id}`, {
      url: "http://192.168.1.20/plugipay",
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatchObject({ code: "parameter_invalid", param: "url" });
    await t.api.patch(`/api/v1/webhook_endpoints/${created.body.id}`, { disabled: true });
  });

  it("does not deliver to an endpoint saved before: the attempt fails as refused, and the receiver hears nothing", async () => {
    const port = new URL(receiver.url).port;
    const scope = { workspaceId: t.workspace.workspaceId, livemode: false };
    const endpoints = [`${receiver.url}/by-address`, `http://localhost:${port}/by-name`];
    for (const url of endpoints) {
      await prisma.webhookEndpoint.create({
        data: { ...scope, id: newId("webhookEndpoint"), url, events: ["*"], secret: "whsec_saved_before" },
      });
      receiver.route(new URL(url).pathname, "whsec_saved_before");
    }
    const customer = await t.api.post("/api/v1/customers", { name: "Not for the intranet" });
    expect(customer.status).toBe(201);

    const attempted = () =>
      prisma.webhookDelivery.findMany({
        // An attempt is counted when claimed, and its error written when it has ended.
        where: { workspaceId: scope.workspaceId, attempts: { gte: 1 }, error: { not: null } },
        include: { endpoint: { select: { url: true } } },
      });
    await waitFor(async () => (await attempted()).length === endpoints.length);
    for (const delivery of await attempted()) {
      expect(delivery, delivery.endpoint.url).toMatchObject({
        status: "pending",
        responseStatus: null,
        responseBody: null,
        error: expect.stringMatching(/^Network error: refused: .*\(WEBHOOK_PRIVATE_URLS\)$/),
      });
    }
    expect(receiver.received).toEqual([]);
  });
});
