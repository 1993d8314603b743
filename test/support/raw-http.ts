// HTTP/1.1 written by hand on a socket, for requests fetch refuses to send: a Content-Length that
// lies, a chunked body of a chosen size, raw bytes in a header or the request line.
import net from "node:net";

export type RawResponse = { status: number; head: string; body: string };

/**
 * Sends `request` (head and body as given), half-closes after `endAfterMs` and answers the first
 * response on the connection (status 0 when the server answered nothing).
 */
export function rawRequest(
  baseUrl: string,
  request: Buffer | string,
  options: { endAfterMs?: number } = {},
): Promise<RawResponse> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    // The server may answer (413) and close before it has read everything sent: not a failure.
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    socket.on("close", () => {
      clearTimeout(ending);
      clearTimeout(giveUp);
      const text = Buffer.concat(chunks).toString("latin1");
      const [head, body = ""] = text.split("\r\n\r\n", 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body });
    });
    socket.write(request);
    const ending = setTimeout(() => socket.end(), options.endAfterMs ?? 0);
    const giveUp = setTimeout(() => socket.destroy(), 15_000);
  });
}

/** A request head for `rawRequest`: the method, path and headers, each header as written. */
export function requestHead(method: string, path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ Host: "127.0.0.1", Connection: "close", ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `${method} ${path} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`;
}

export function basicAuth(secretKey: string): string {
  return `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`;
}
