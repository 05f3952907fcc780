import { createHmac } from 'node:crypto';

/**
 * Keyed hash of a platform id. HMAC rather than a plain hash because platform
 * ids are guessable, so an unkeyed digest could be reversed by enumeration.
 * 128 bits of output is plenty to keep users apart.
 */
export function hashId(rawId: string, salt: string): string {
  return createHmac('sha256', salt).update(rawId).digest('hex').slice(0, 32);
}
