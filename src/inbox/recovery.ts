import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config/index.js';

/** A name for this process among the workers sharing an inbox (host, pid and a random part). */
export function workerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** The claim options for answering what is pending at start-up, from configuration. */
export function recoveryOptions(config: Pick<Config, 'INBOX_MAX_AGE_MINUTES' | 'INBOX_LEASE_SECONDS'>, id = workerId()): { maxAgeMs: number; workerId: string; leaseMs: number } {
  return { maxAgeMs: config.INBOX_MAX_AGE_MINUTES * 60_000, workerId: id, leaseMs: config.INBOX_LEASE_SECONDS * 1000 };
}
