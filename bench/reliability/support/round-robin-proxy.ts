// A tiny loopback TCP load balancer: each new connection goes to the next backend in turn
// (round robin per connection, as an L4 balancer does). Clients that want their requests spread
// open one connection per request (no keep-alive).
import net from "node:net";

export type RoundRobinProxy = {
  url: string;
  /** Connections handed to each backend so far, by port. */
  counts: Map<number, number>;
  close(): Promise<void>;
};

export async function startRoundRobinProxy(port: number, backends: number[]): Promise<RoundRobinProxy> {
  const counts = new Map(backends.map((backend) => [backend, 0]));
  const sockets = new Set<net.Socket>();
  let next = 0;
  const server = net.createServer((client) => {
    const backend = backends[next++ % backends.length];
    counts.set(backend, counts.get(backend)! + 1);
    const upstream = net.connect(backend, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
