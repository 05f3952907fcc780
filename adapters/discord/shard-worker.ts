// One Discord shard: the process discord.js's ShardingManager spawns for `career-advisor discord
// --shards N`. discord.js reads its shard id and count from SHARDS / SHARD_COUNT; everything else
// is the normal configuration, so all shards share Redis (REDIS_URL) and the store.
import { loadConfig } from '../../src/config/index.js';
import { BotRuntime } from '../../src/service/index.js';
import { answerInBackground, claimAtStart } from '../cli/bot-adapters.js';
import { waitForShutdownSignal } from '../shared/shutdown-signal.js';
import { startDiscordBot } from './bot.js';

// ShardingManager passes one id ("1"); discord.js also accepts a list ("[1]").
const shardIds = JSON.parse(process.env.SHARDS ?? '0') as number | number[];
const shardId = (Array.isArray(shardIds) ? shardIds[0] : shardIds) ?? 0;
const base = loadConfig();
// Health and metrics per shard: HEALTH_PORT + shard id (HEALTH_PORT=0 gives each a free port).
const config = { ...base, HEALTH_PORT: base.HEALTH_PORT === 0 ? 0 : base.HEALTH_PORT + shardId };
const runtime = await BotRuntime.open(config);
const logger = runtime.logger.child({ shard: shardId });
// Questions acknowledged before a restart, claimed before this shard takes new ones; any shard can
// answer them (replies go through REST), and the inbox leases each to exactly one.
const pending = await claimAtStart(runtime);
const bot = await startDiscordBot({ config, advisor: runtime.advisor, commands: runtime.commands, logger, state: runtime.state, inbox: runtime.inbox });
answerInBackground(runtime, pending, { discord: bot.recover });
logger.info({ health: runtime.health.port, state: config.REDIS_URL ? 'redis' : 'memory' }, 'discord shard ready');
const signal = await waitForShutdownSignal();
logger.info({ signal }, 'discord shard shutting down: finishing answers in flight');
await bot.stop();
await runtime.close();
process.exit(0);
