// A loopback TCP proxy a test can cut and restore (the database going away and coming back without
// touching the shared test server), point at another port (an app restarted elsewhere), or have drop
// the next answers after the server has sent them (a response lost on the way back).
import net from "node:net";

export type TcpProxy = {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
  /** New connections go to this port from now on. */
  retarget(port: number): void;
  /** The next `count` answers are dropped: the client's connection closes as their first bytes arrive. */
  dropAnswers(count: number): void;
};

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  let target = targetPort;
  let answersToDrop = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target, targetHost);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => socket.destroy());
        }
        upstream.on("close", () => client.destroy());
        client.on("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.on("data", (chunk) => {
          if (answersToDrop > 0) {
            answersToDrop--;
            client.destroy();
            upstream.destroy();
          } else if (!client.write(chunk)) {
            upstream.pause();
            client.once("drain", () => upstream.resume());
          }
        });
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });

  // Drops the open connections at once: server.close() alone waits until they end by themselves,
  // which never happens while a client (the app's job worker) keeps using its connection.
  const cut = async () => {
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  await listen();
  return {
    port,
    cut,
    restore: listen,
    close: cut,
    retarget: (next) => (target = next),
    dropAnswers: (count) => (answersToDrop = count),
  };
}
