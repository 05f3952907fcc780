import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { REPO_ROOT, tempDir, withSharedUseCache } from '../helpers/guide-files.js';
import { FakeDiscord, route } from '../fakes/discord/index.js';
import { describeWithService, services, uniquePrefix } from '../helpers/services.js';

/**
 * `career-advisor discord --shards 2` as operators run it: the built CLI, discord.js's
 * ShardingManager forking two shard processes, both logging in to the local fake gateway with
 * one shared Redis. The fake has one guild and sends every dispatch to every session (it does not
 * route guilds to shards), so each shard receives each message: answered once only because the
 * shards share duplicate-delivery claims through Redis.
 */
const CLI = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');

async function until(probe: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeWithService('Redis', services.redisUrl, 'Discord with two shards (ShardingManager) against the fake gateway', (redisUrl) => {
  let discord: FakeDiscord;
  let manager: ChildProcess;
  let output = '';

  beforeAll(async () => {
    const work = tempDir('career-advisor-shards-');
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(configSchema.shape)) delete env[key];
    await withSharedUseCache(async (cacheDir) => {
      env.CACHE_DIR = cacheDir;
      env.INDEX_DIR = join(work, 'index');
      const ingest = spawnSync(process.execPath, [CLI, 'ingest', '--quiet'], { env, encoding: 'utf8' });
      if (ingest.status !== 0) throw new Error(ingest.stderr);
    });
    discord = new FakeDiscord();
    const { apiUrl } = await discord.start();
    manager = spawn(process.execPath, [CLI, 'discord', '--shards', '2'], {
      env: {
        ...env,
        INDEX_AUTO_REBUILD: 'false',
        STORE_PATH: join(work, 'store.db'),
        DISCORD_TOKEN: 'fake-discord-token',
        DISCORD_API_BASE: apiUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: uniquePrefix('shards'),
        HEALTH_PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [manager.stdout!, manager.stderr!]) stream.setEncoding('utf8').on('data', (d: string) => (output += d));
    await until(() => discord.gateway.sessionCount === 2, 90_000, () => `two shard sessions (${output.slice(-2000)})`);
    // A shard logs "ready" just after its session opens: wait for both lines, not only the sessions.
    await until(() => output.split('\n').filter((l) => l.includes('discord shard ready')).length >= 2, 30_000, () => `two ready lines (${output.slice(-2000)})`);
  }, 180_000);

  afterAll(async () => {
    if (manager && manager.exitCode === null) manager.kill('SIGKILL');
    await discord?.stop();
  });

  it('identifies as shard 0 and shard 1 of 2, each shard with its own health server', () => {
    const identifies = discord.gateway.received.filter((p) => p.op === 2).map((p) => (p.d as { shard?: number[] }).shard);
    expect(identifies).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    const ready = output.split('\n').filter((l) => l.includes('discord shard ready')).map((l) => JSON.parse(l) as { shard: number; health: number });
    expect(ready.map((r) => r.shard).sort()).toEqual([0, 1]);
    expect(new Set(ready.map((r) => r.health)).size).toBe(2);
  });

  it('a message both shards receive is answered once (claims shared through Redis)', async () => {
    const incoming = discord.messageCreate({ content: `<@${discord.bot.id}> how much do coders make?` });
    await discord.dispatch('MESSAGE_CREATE', incoming);
    const replies = route('POST', '/channels/:id/messages', (r) => (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === incoming.id);
    await discord.waitForRequest(replies, 20_000);
    await new Promise((r) => setTimeout(r, 1500)); // time for a second shard's (wrong) reply to show up
    expect(discord.findRequests(replies)).toHaveLength(1);
  });

  it('stops every shard on SIGTERM and exits 0', async () => {
    manager.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => manager.once('exit', resolve));
    expect(code).toBe(0);
    await until(() => discord.gateway.sessionCount === 0, 10_000, () => 'sessions to close');
  });
});
