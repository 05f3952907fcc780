import { describe, expect, it } from 'vitest';
import { parseShardsFlag } from '../../adapters/discord/shard-flag.js';
import { ConfigError } from '../../src/errors.js';

describe('discord --shards', () => {
  it('reads auto, a count, and the = form, leaving the other arguments', () => {
    expect(parseShardsFlag(['--shards', 'auto'])).toEqual({ shards: 'auto', rest: [] });
    expect(parseShardsFlag(['start', '--shards', '4'])).toEqual({ shards: 4, rest: ['start'] });
    expect(parseShardsFlag(['--shards=2', 'start'])).toEqual({ shards: 2, rest: ['start'] });
    expect(parseShardsFlag(['register'])).toEqual({ rest: ['register'] });
  });

  it.each([['--shards'], ['--shards', '0'], ['--shards', 'many'], ['--shards=-1'], ['--shards', '2000']])('refuses %j with a clear error', (...args) => {
    expect(() => parseShardsFlag(args)).toThrow(ConfigError);
    expect(() => parseShardsFlag(args)).toThrow(/--shards must be "auto" or a whole number from 1 to 1024/);
  });
});
