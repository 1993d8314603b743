import { segment, type HttpClient } from "../http-client.js";
import type {
  CheckoutSession,
  CheckoutSessionCompleteParams,
  CheckoutSessionCreateParams,
  RequestOptions,
} from "../types.js";

export class CheckoutSessions {
  constructor(private readonly http: HttpClient) {}

  /** POST /v1/checkout/sessions — the payer pays at the session's `url`. */
  create(params: CheckoutSessionCreateParams, options?: RequestOptions): Promise<CheckoutSession> {
    return this.http.json({ method: "POST", path: "/v1/checkout/sessions", body: params, options });
  }

  /** GET /v1/checkout/sessions/{id} */
  retrieve(id: string, options?: RequestOptions): Promise<CheckoutSession> {
    return this.http.json({ method: "GET", path: `/v1/checkout/sessions/${segment(id)}`, options });
  }

  /** POST /v1/checkout/sessions/{id}/complete — test mode only: pay as the payer would. */
  complete(
    id: string,
    params: CheckoutSessionCompleteParams,
    options?: RequestOptions,
  ): Promise<CheckoutSession> {
    return this.http.json({
      method: "POST",
      path: `/v1/checkout/sessions/${segment(id)}/complete`,
      body: params,
      options,
    });
  }
}
