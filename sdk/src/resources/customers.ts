import { bulkCreate, type BulkCreateOptions } from "../bulk-create.js";
import { segment, type HttpClient } from "../http-client.js";
import { ListRequest, type Page } from "../pagination.js";
import type {
  BulkCreateResult,
  Customer,
  CustomerCreateParams,
  CustomerExportParams,
  CustomerListParams,
  CustomerUpdateParams,
  RequestOptions,
} from "../types.js";

export class Customers {
  constructor(private readonly http: HttpClient) {}

  /** POST /v1/customers — every field optional; a taken externalId is a ConflictError with existingId. */
  create(params: CustomerCreateParams = {}, options?: RequestOptions): Promise<Customer> {
    return this.http.json({ method: "POST", path: "/v1/customers", body: params, options });
  }

  /** GET /v1/customers/{id} */
  retrieve(id: string, options?: RequestOptions): Promise<Customer> {
    return this.http.json({ method: "GET", path: `/v1/customers/${segment(id)}`, options });
  }

  /** PATCH /v1/customers/{id} — left out: unchanged; null: cleared; metadata replaces the whole map. */
  update(id: string, params: CustomerUpdateParams, options?: RequestOptions): Promise<Customer> {
    return this.http.json({ method: "PATCH", path: `/v1/customers/${segment(id)}`, body: params, options });
  }

  /** GET /v1/customers — await it for one page, or `for await` it for every customer. */
  list(params: CustomerListParams = {}, options?: RequestOptions): ListRequest<Customer> {
    return new ListRequest(
      (page) =>
        this.http.json<Page<Customer>>({
          method: "GET",
          path: "/v1/customers",
          query: { ...params, ...page },
          options,
        }),
      params,
    );
  }

  /** GET /v1/customers/export — the CSV as a stream of bytes, read as it arrives. */
  export(params: CustomerExportParams = {}, options?: RequestOptions): Promise<ReadableStream<Uint8Array>> {
    return this.http.stream({ method: "GET", path: "/v1/customers/export", query: params, options });
  }

  /** POST /v1/customers/bulk in batches: one result per item, in input order (see BulkCreateOptions). */
  bulkCreate(items: CustomerCreateParams[], options?: BulkCreateOptions): Promise<BulkCreateResult[]> {
    return bulkCreate(this.http, items, options);
  }

  /** POST /v1/customers/{id}/redact — erase the customer's personal data (irreversible). */
  redact(id: string, options?: RequestOptions): Promise<Customer> {
    return this.http.json({ method: "POST", path: `/v1/customers/${segment(id)}/redact`, options });
  }

  /** POST /v1/customers/{id}/merge — move `sourceId`'s history onto customer `id`; answers `id`. */
  merge(id: string, params: { sourceId: string }, options?: RequestOptions): Promise<Customer> {
    return this.http.json({
      method: "POST",
      path: `/v1/customers/${segment(id)}/merge`,
      body: params,
      options,
    });
  }
}
