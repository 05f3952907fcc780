import { type App, SocketModeReceiver } from '@slack/bolt';
import { portOf } from './loopback-server.js';

/** The socket-mode client Bolt's SocketModeReceiver wraps. */
export type SocketModeClientLike = SocketModeReceiver['client'];

/**
 * Starts an HTTP-mode App on an ephemeral port and returns the port.
 * `app.start(0)` resolves with the receiver's `http.Server`; Bolt exposes the port nowhere else.
 */
export async function startHttpApp(app: App): Promise<number> {
  const server = await app.start(0);
  return portOf(server);
}

/** Resolves on the client's `disconnected` event; subscribe *before* triggering the disconnect. */
export function waitForSocketModeDisconnect(client: SocketModeClientLike, timeoutMs = 2000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('disconnected', onDisconnected);
      reject(new Error(`Socket Mode client did not disconnect within ${timeoutMs}ms`));
    }, timeoutMs);
    const onDisconnected = (): void => {
      clearTimeout(timer);
      resolve();
    };
    client.once('disconnected', onDisconnected);
  });
}

/**
 * The socket-mode client behind an App built with `socketMode: true`.
 * Bolt keeps the receiver private, so this reads it reflectively and checks its type.
 */
export function socketModeClientOf(app: App): SocketModeClientLike {
  const receiver = (app as unknown as { receiver?: unknown }).receiver;
  if (!(receiver instanceof SocketModeReceiver)) throw new Error('App is not using a SocketModeReceiver');
  return receiver.client;
}

/**
 * Stops a Socket Mode App and waits until its WebSocket is really closed.
 * Needed because `app.stop()` resolves *before* the close handshake finishes; closing the fake server
 * in between makes the client schedule a reconnect (`clientPingTimeout` ms later, 5 s by default).
 */
export async function stopSocketModeApp(app: App, timeoutMs = 2000): Promise<void> {
  const disconnected = waitForSocketModeDisconnect(socketModeClientOf(app), timeoutMs);
  await app.stop();
  await disconnected;
}
