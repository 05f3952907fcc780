import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import type { ShardCount } from './shard-flag.js';

/**
 * Discord's recommended shard count (GET /gateway/bot), asked through DISCORD_API_BASE when set;
 * discord.js's own "auto" always asks discord.com.
 */
async function recommendedShardCount(config: Config): Promise<number> {
  const rest = new REST({ version: '10', ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}) }).setToken(config.DISCORD_TOKEN!);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

export interface ShardManagerOptions {
  /** Wait between shard starts; Discord allows one IDENTIFY per 5 s per bucket (default 5500 ms). */
  spawnDelayMs?: number;
  out: (line: string) => void;
  /** Resolves when the manager should stop (SIGTERM/SIGINT). */
  stopSignal: Promise<unknown>;
}

/**
 * Runs the bot as `count` shards with discord.js's ShardingManager: one child process per shard
 * (adapters/discord/shard-worker.js), restarted if it dies. On the stop signal every shard gets
 * SIGTERM, finishes its answers and exits; the manager waits for all of them.
 */
export async function runShardManager(config: Config, count: ShardCount, options: ShardManagerOptions): Promise<number> {
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is not set: create a bot in the Discord Developer Portal (see docs/discord.md).');
  const total = count === 'auto' ? await recommendedShardCount(config) : count;
  if (total > 1 && !config.REDIS_URL) options.out('Warning: several shards without REDIS_URL: each shard keeps its own conversation state and duplicate checks.');
  const worker = fileURLToPath(new URL('./shard-worker.js', import.meta.url));
  const manager = new ShardingManager(worker, { token: config.DISCORD_TOKEN, totalShards: total, mode: 'process', respawn: true });
  manager.on('shardCreate', (shard) => {
    options.out(`Discord shard ${shard.id + 1}/${total} starting`);
    shard.on('death', () => options.out(`Discord shard ${shard.id} exited`));
  });
  await manager.spawn({ amount: total, delay: options.spawnDelayMs ?? 5500, timeout: 120_000 });
  options.out(`Discord: ${total} shard(s) running. Stop with Ctrl+C (SIGINT) or SIGTERM.`);
  await options.stopSignal;
  manager.respawn = false;
  await Promise.all(manager.shards.map((shard) => stopShard(shard)));
  return 0;
}

async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
