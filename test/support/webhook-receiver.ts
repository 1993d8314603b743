// A real HTTP server that receives webhook deliveries in tests: it checks each one's
// Plugipay-Signature against the endpoint's secret, records it, and answers as the test says
// (a status, after a delay, or never until released; with the body it chooses, e.g. an echo).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@/lib/webhooks/signature";

export type Received = {
  path: string;
  deliveryId: string;
  signature: string;
  signatureValid: boolean;
  body: string;
  event: any;
  at: number;
  status?: number;
};

export type Reply = { status?: number; delayMs?: number; hold?: Promise<void>; body?: string };
export type Responder = (request: Received, attemptForDelivery: number) => Reply;

export type WebhookReceiver = {
  url: string;
  received: Received[];
  /** The secret deliveries to `path` must be signed with, and how to answer them. */
  route(path: string, secret: string, responder?: Responder): void;
  waitFor(predicate: (received: Received[]) => boolean, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const routes = new Map<string, { secret: string; responder: Responder }>();
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = request.url ?? "/";
      const route = routes.get(path);
      const signature = String(request.headers["plugipay-signature"] ?? "");
      const entry: Received = {
        path,
        deliveryId: String(request.headers["plugipay-delivery-id"] ?? ""),
        signature,
        signatureValid: !!route && verifySignature(signature, body, route.secret),
        body,
        event: safeJson(body),
        at: Date.now(),
      };
      received.push(entry);
      const attempt = (attempts.get(entry.deliveryId) ?? 0) + 1;
      attempts.set(entry.deliveryId, attempt);
      const reply = route ? route.responder(entry, attempt) : { status: 404 };
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (reply.hold) await reply.hold;
      // A sender that went away (timed out, or its process was killed) never saw an answer.
      if (response.destroyed || request.socket.destroyed) return;
      entry.status = reply.status ?? 200;
      response.writeHead(entry.status, { "content-type": "text/plain" }).end(reply.body ?? "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    route(path, secret, responder = () => ({ status: 200 })) {
      routes.set(path, { secret, responder });
    },
    async waitFor(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline)
          throw new Error(
            `webhook receiver: condition not met in ${timeoutMs} ms; received ${JSON.stringify(
              received.map(({ path, deliveryId, event, status }) => ({
                path,
                deliveryId,
                type: event?.type,
                status,
              })),
            )}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
