// A lean HTTP client for load (node:http, keep-alive): cheaper per request than fetch, which
// matters when the client shares 2 cores with the app and PostgreSQL. Never throws: a network
// error or a timeout is a result too, with status 0.
import http from "node:http";

export type Result = {
  status: number;
  headers: http.IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of whatever shape the API answered
  body: any;
  text: string;
  ms: number;
  startedAt: number;
  /** Set when no HTTP answer came: the connection failed, was reset, or the timeout passed. */
  error?: string;
};

export type Client = {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Result>;
  close(): void;
};

export function httpClient(
  baseUrl: string,
  secretKey: string | undefined,
  options: { timeoutMs?: number; keepAlive?: boolean } = {},
): Client {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: options.keepAlive ?? true, maxSockets: 256 });
  const timeoutMs = options.timeoutMs ?? 15_000;
  const auth = secretKey ? { authorization: `Bearer ${secretKey}` } : {};
  return {
    request(method, path, body, headers = {}) {
      const startedAt = Date.now();
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise<Result>((resolve) => {
        let settled = false;
        const done = (result: Omit<Result, "ms" | "startedAt">) => {
          if (settled) return;
          settled = true;
          resolve({ ...result, ms: Date.now() - startedAt, startedAt });
        };
        const request = http.request(
          {
            host: url.hostname,
            port: url.port,
            method,
            path,
            agent,
            headers: {
              ...auth,
              ...(payload
                ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
                : {}),
              ...headers,
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("error", (error) =>
              done({ status: 0, headers: {}, body: undefined, text: "", error: error.message }),
            );
            response.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              let parsed: unknown;
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = undefined;
              }
              done({ status: response.statusCode ?? 0, headers: response.headers, body: parsed, text });
            });
          },
        );
        request.setTimeout(timeoutMs, () => {
          request.destroy(new Error(`no answer within ${timeoutMs} ms`));
        });
        request.on("error", (error) =>
          done({ status: 0, headers: {}, body: undefined, text: "", error: error.message }),
        );
        request.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
