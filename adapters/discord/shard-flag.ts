import { ConfigError } from '../../src/errors.js';

/** `--shards auto` or a count. */
export type ShardCount = 'auto' | number;

/** Reads `--shards auto|N` from the discord command's arguments; the rest are returned as they were. */
export function parseShardsFlag(args: readonly string[]): { shards?: ShardCount; rest: string[] } {
  const at = args.findIndex((a) => a === '--shards' || a.startsWith('--shards='));
  if (at < 0) return { rest: [...args] };
  const inline = args[at]!.includes('=') ? args[at]!.split('=')[1] : undefined;
  const value = inline ?? args[at + 1];
  const rest = args.filter((_, i) => i !== at && (inline !== undefined || i !== at + 1));
  if (value === 'auto') return { shards: 'auto', rest };
  if (value && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1024) return { shards: Number(value), rest };
  throw new ConfigError(`--shards must be "auto" or a whole number from 1 to 1024 (got ${value === undefined ? 'nothing' : `"${value}"`})`);
}
