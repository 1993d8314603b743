// @plugipay/node — the Plugipay API for JavaScript: Node 20+, Deno, Bun, browsers (only `fetch`).
//
//   import { Plugipay } from "@plugipay/node";
//   const plugipay = new Plugipay(process.env.PLUGIPAY_SECRET_KEY);
//   const customer = await plugipay.customers.create({ email: "alice@example.com" });
import { HttpClient, type ClientConfig } from "./http-client.js";
import { CheckoutSessions } from "./resources/checkout-sessions.js";
import { Customers } from "./resources/customers.js";
import { ReadOnlyResource } from "./resources/read-only.js";
import type {
  Event,
  EventListParams,
  Invoice,
  InvoiceListParams,
  Payment,
  PaymentListParams,
  Subscription,
  SubscriptionListParams,
} from "./types.js";

export class Plugipay {
  readonly customers: Customers;
  readonly payments: ReadOnlyResource<Payment, PaymentListParams>;
  readonly subscriptions: ReadOnlyResource<Subscription, SubscriptionListParams>;
  readonly invoices: ReadOnlyResource<Invoice, InvoiceListParams>;
  readonly events: ReadOnlyResource<Event, EventListParams>;
  readonly checkout: { readonly sessions: CheckoutSessions };

  constructor(secretKey: string, config: ClientConfig = {}) {
    const http = new HttpClient(secretKey, config);
    this.customers = new Customers(http);
    this.payments = new ReadOnlyResource(http, "/v1/payments");
    this.subscriptions = new ReadOnlyResource(http, "/v1/subscriptions");
    this.invoices = new ReadOnlyResource(http, "/v1/invoices");
    this.events = new ReadOnlyResource(http, "/v1/events");
    this.checkout = { sessions: new CheckoutSessions(http) };
  }
}

export default Plugipay;
export {
  ApiConnectionError,
  ApiError,
  AuthenticationError,
  ConflictError,
  IdempotencyError,
  InvalidRequestError,
  NotFoundError,
  PlugipayError,
  RateLimitError,
} from "./errors.js";
export type { ClientConfig } from "./http-client.js";
export type { BulkCreateOptions, BulkProgress } from "./bulk-create.js";
export type { ListRequest, Page } from "./pagination.js";
export type * from "./types.js";
