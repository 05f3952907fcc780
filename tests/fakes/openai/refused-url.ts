import { createServer } from 'node:net';

/**
 * Returns a base URL (`http://127.0.0.1:PORT/v1`) whose port has nothing
 * listening, so clients get ECONNREFUSED. The port is obtained from the OS and
 * released immediately; it could in theory be reused by another process, which
 * is negligible within a test run.
 */
export async function refusedBaseURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('Could not determine a free port');
  return `http://127.0.0.1:${address.port}/v1`;
}
