// One delivery attempt over node:http(s) rather than fetch: only node's own client lets the
// connection's DNS lookup refuse a non-public address (lib/webhooks/public-address.ts). A fresh
// connection each attempt: a pooled one that the receiver closed while idle would fail the next
// POST, which is not retried on another socket.
import http from "node:http";
import https from "node:https";
import { StringDecoder } from "node:string_decoder";
import {
  AddressRefused,
  privateUrlsAllowed,
  publicOnlyLookup,
  refusedHost,
} from "@/lib/webhooks/public-address";

export type WebhookAnswer = { status: number; body: string };

/** What of the receiver's answer is kept (and shown on the dashboard). */
export const ANSWER_LIMIT = 1000;

export class NoAnswerInTime extends Error {
  constructor(timeoutMs: number) {
    super(`No response within ${timeoutMs} ms`);
    this.name = "TimeoutError";
  }
}

/**
 * POSTs `body` and resolves with the status and up to ANSWER_LIMIT characters of the answer. After
 * `timeoutMs` it gives up: with what arrived if the status had, else with NoAnswerInTime. Redirects
 * are answers like any other (not followed).
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<WebhookAnswer> {
  const target = new URL(url);
  const publicOnly = !privateUrlsAllowed();
  const refused = publicOnly ? refusedHost(target) : undefined;
  if (refused) return Promise.reject(new AddressRefused(refused));
  const transport = target.protocol === "https:" ? https : http;

  return new Promise((resolve, reject) => {
    let answer: WebhookAnswer | undefined;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      request.destroy();
    };
    const timer = setTimeout(
      () => settle(() => (answer ? resolve(answer) : reject(new NoAnswerInTime(timeoutMs)))),
      timeoutMs,
    );
    const request = transport.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        agent: false,
        ...(publicOnly ? { lookup: publicOnlyLookup } : {}),
      },
      (response) => {
        const decoder = new StringDecoder("utf8");
        const received: WebhookAnswer = (answer = { status: response.statusCode ?? 0, body: "" });
        const done = () => settle(() => resolve({ ...received, body: received.body.slice(0, ANSWER_LIMIT) }));
        response.on("data", (chunk: Buffer) => {
          received.body += decoder.write(chunk);
          if (received.body.length >= ANSWER_LIMIT) done();
        });
        response.on("end", () => {
          received.body += decoder.end();
          done();
        });
        // A connection cut mid-answer: the status arrived, the rest did not.
        response.on("error", done);
        response.on("aborted", done);
      },
    );
    request.on("error", (error) => settle(() => reject(error)));
    request.end(body);
  });
}
