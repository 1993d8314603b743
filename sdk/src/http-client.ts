// The one place that talks HTTP: authentication, JSON in and out, timeouts, Idempotency-Keys for
// writes, retries with backoff, and turning error answers into typed errors.
import { ApiConnectionError, errorFromResponse, PlugipayError } from "./errors.js";
import { isRetryable, MAX_RETRY_AFTER_MS, retryDelayMs, sleep } from "./retry.js";
import type { RequestOptions } from "./types.js";

export type ClientConfig = {
  /** Where the API lives; `/v1/…` paths are appended. Default `https://api.plugipay.com`. */
  baseUrl?: string;
  /** How long one attempt may take before it is abandoned (and retried). Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable failures. Default 2. */
  maxRetries?: number;
  /** A fetch implementation, for runtimes without a global one or for instrumentation. */
  fetch?: typeof fetch;
};

type Query = Record<string, string | number | boolean | null | undefined>;

export type HttpRequest = {
  method: "GET" | "POST" | "PATCH";
  path: string;
  query?: Query;
  /** A JSON value, or a string that already is JSON. */
  body?: unknown;
  options?: RequestOptions;
};

export const SDK_VERSION = "0.1.0";

export class HttpClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  private readonly authorization: string;
  private readonly fetch: typeof fetch;

  constructor(secretKey: string, config: ClientConfig = {}) {
    if (typeof secretKey !== "string" || !/^sk_(live|test)_\S+$/.test(secretKey)) {
      throw new PlugipayError("A secret key (sk_live_… or sk_test_…) is required.");
    }
    this.authorization = `Bearer ${secretKey}`;
    this.baseUrl = (config.baseUrl ?? "https://api.plugipay.com").replace(/\/+$/, "");
    this.timeoutMs = config.timeoutMs ?? 30_000;
    this.maxRetries = config.maxRetries ?? 2;
    const fetchImpl = config.fetch ?? globalThis.fetch;
    if (!fetchImpl) throw new PlugipayError("No fetch: pass one in the client's options.");
    this.fetch = fetchImpl.bind(globalThis);
  }

  /** The parsed JSON of a successful answer (read within the attempt's timeout). */
  json<T>(request: HttpRequest): Promise<T> {
    return this.send(request, async (response) => (await response.json()) as T);
  }

  /** A successful answer's body, for the caller to read as it arrives (the CSV export). */
  stream(request: HttpRequest): Promise<ReadableStream<Uint8Array>> {
    return this.send(request, async (response) => {
      if (!response.body) throw new ApiConnectionError("The answer had no body.");
      return response.body;
    });
  }

  private async send<T>(request: HttpRequest, read: (response: Response) => Promise<T>): Promise<T> {
    const { options = {} } = request;
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: "application/json" };
    let body: string | undefined;
    if (request.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    }
    if (request.method !== "GET") {
      // One key for every attempt: a retry of a write that did happen replays its answer.
      headers["Idempotency-Key"] = options.idempotencyKey ?? `sdk_${globalThis.crypto.randomUUID()}`;
    }
    const url = this.url(request.path, request.query);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(url, { method: request.method, headers, body }, options, read);
      } catch (error) {
        if (attempt >= maxRetries || !isRetryable(error) || options.signal?.aborted) throw error;
        const delay = retryDelayMs(attempt, error);
        if (delay > MAX_RETRY_AFTER_MS) throw error;
        await sleep(delay, options.signal);
      }
    }
  }

  private async attempt<T>(
    url: string,
    init: RequestInit,
    options: RequestOptions,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = () => controller.abort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const connectionError = (error: unknown) =>
      new ApiConnectionError(
        options.signal?.aborted
          ? "The request was aborted."
          : controller.signal.aborted
            ? `No answer within ${timeoutMs} ms.`
            : "The connection to the API failed.",
        { cause: error },
      );
    try {
      let response: Response;
      try {
        response = await this.fetch(url, { ...init, signal: controller.signal });
      } catch (error) {
        throw connectionError(error);
      }
      if (response.ok) {
        try {
          return await read(response);
        } catch (error) {
          throw error instanceof PlugipayError ? error : connectionError(error);
        }
      }
      const text = await response.text().catch(() => "");
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      throw errorFromResponse(response.status, response.headers, parsed);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    }
  }

  private url(path: string, query?: Query): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) search.set(name, String(value));
    }
    const encoded = search.toString();
    return `${this.baseUrl}${path}${encoded ? `?${encoded}` : ""}`;
  }
}

/** An id as one path segment, whatever it holds. */
export const segment = (id: string) => encodeURIComponent(id);
