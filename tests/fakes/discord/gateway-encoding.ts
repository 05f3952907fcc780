import { setImmediate as nextTick } from 'node:timers/promises';
import { constants, createDeflate, deflateSync } from 'node:zlib';

/** Turns a JSON payload into the frame to send: a text frame, or binary when compressed. */
export type FrameEncoder = (json: string) => Promise<string | Buffer>;

/** Uncompressed JSON text frames: what discord.js uses unless `zlib-sync` is installed. */
export const plainEncoder: FrameEncoder = async (json) => json;

/**
 * Identify-level compression (`compress: true` in IDENTIFY): every payload is a
 * complete zlib stream of its own.
 */
export const identifyCompressEncoder: FrameEncoder = async (json) => deflateSync(json);

/**
 * Transport compression (`?compress=zlib-stream`): one zlib context for the whole
 * connection, each payload ending in a Z_SYNC_FLUSH marker (00 00 ff ff), which is how
 * the client knows a message is complete. discord.js only asks for this when the optional
 * `zlib-sync` package is installed.
 */
export function zlibStreamEncoder(): FrameEncoder {
  const deflate = createDeflate();
  let pending: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => pending.push(chunk));
  let queue: Promise<unknown> = Promise.resolve();
  return (json) => {
    // Frames must be compressed strictly in order because they share one zlib context.
    const frame = queue.then(async () => {
      deflate.write(json);
      await new Promise<void>((resolve) => deflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
      await nextTick(); // let any 'data' events of this flush drain into `pending`
      const out = Buffer.concat(pending);
      pending = [];
      return out;
    });
    queue = frame;
    return frame;
  };
}
