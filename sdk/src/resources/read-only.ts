// Payments, subscriptions, invoices and events: list (awaitable or iterable) and retrieve.
import { segment, type HttpClient } from "../http-client.js";
import { ListRequest, type Page } from "../pagination.js";
import type { RequestOptions } from "../types.js";

export class ReadOnlyResource<T, ListParams extends { limit?: number; cursor?: string }> {
  constructor(
    private readonly http: HttpClient,
    private readonly path: string,
  ) {}

  /** GET /v1/{resource} — await it for one page, or `for await` it for every item. */
  list(params?: ListParams, options?: RequestOptions): ListRequest<T> {
    return new ListRequest(
      (page) =>
        this.http.json<Page<T>>({ method: "GET", path: this.path, query: { ...params, ...page }, options }),
      params ?? {},
    );
  }

  /** GET /v1/{resource}/{id} */
  retrieve(id: string, options?: RequestOptions): Promise<T> {
    return this.http.json({ method: "GET", path: `${this.path}/${segment(id)}`, options });
  }
}
