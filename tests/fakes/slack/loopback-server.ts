import type { AddressInfo, Server } from 'node:net';

/** Starts `server` on 127.0.0.1 (an ephemeral port by default) and returns the bound port. */
export async function listenOnLoopback(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return portOf(server);
}

/** The TCP port a listening server is bound to (e.g. the `http.Server` returned by Bolt's `app.start(0)`). */
export function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Server is not listening on a TCP port');
  return (address as AddressInfo).port;
}

/**
 * Closes an HTTP server and force-closes its sockets.
 * Without `closeAllConnections()`, keep-alive sockets held by clients such as the global `fetch` pool
 * (which Bolt's `respond()` uses) would keep `close()` pending.
 */
export async function closeHttpServer(server: Server & { closeAllConnections(): void }): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
  });
  server.closeAllConnections();
  await closed;
}
