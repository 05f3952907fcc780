/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates unique, strictly increasing Discord snowflakes.
 *
 * Real-looking snowflakes matter because discord.js derives `createdTimestamp`
 * from the id, and sorts caches by it.
 */
export class SnowflakeGenerator {
  #last = 0n;

  /** Returns a fresh snowflake string. */
  next(): string {
    const candidate = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    // Several ids in the same millisecond: bump the increment bits instead of colliding.
    this.#last = candidate > this.#last ? candidate : this.#last + 1n;
    return this.#last.toString();
  }
}
