// The SDK's public types, all derived from the generated OpenAPI types: a change of the API's zod
// schemas reaches the SDK through `npm run sdk:generate`, never by hand.
import type { components, operations } from "./generated/openapi.js";

type Schemas = components["schemas"];
type OperationId = keyof operations;

/** The query parameters an operation takes. */
export type QueryOf<Id extends OperationId> = NonNullable<operations[Id]["parameters"]["query"]>;
/** The JSON body an operation takes. */
export type BodyOf<Id extends OperationId> = operations[Id] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;
/** The JSON an operation answers with on `status`. */
export type ResultOf<Id extends OperationId, Status extends number> = operations[Id]["responses"] extends {
  [S in Status]: { content: { "application/json": infer Result } };
}
  ? Result
  : never;

export type Customer = Schemas["Customer"];
export type CustomerCreateParams = Schemas["CustomerCreate"];
export type CustomerUpdateParams = Schemas["CustomerUpdate"];
export type CustomerListParams = QueryOf<"listCustomers">;
export type CustomerExportParams = QueryOf<"exportCustomers">;
export type CustomerBulkResult = Schemas["CustomerBulkResult"];
export type BulkCreateResult = CustomerBulkResult["results"][number];
export type Payment = Schemas["Payment"];
export type PaymentListParams = QueryOf<"listPayments">;
export type Subscription = Schemas["Subscription"];
export type SubscriptionListParams = QueryOf<"listSubscriptions">;
export type Invoice = Schemas["Invoice"];
export type InvoiceListParams = QueryOf<"listInvoices">;
export type Event = Schemas["Event"];
export type EventListParams = QueryOf<"listEvents">;
export type CheckoutSession = Schemas["CheckoutSession"];
export type CheckoutSessionCreateParams = Schemas["CheckoutSessionCreate"];
export type CheckoutSessionCompleteParams = Schemas["CheckoutSessionComplete"];
export type ErrorDetail = Schemas["ErrorDetail"];

/** Per-call options of any method. */
export type RequestOptions = {
  /** For POST and PATCH: the key to send (else the SDK makes one); reused by every retry. */
  idempotencyKey?: string;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
};
