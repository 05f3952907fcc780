import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions, createDiscordCliCommand, registerCommands, type DiscordBot } from '../../../adapters/discord/index.js';
import { ConfigError } from '../../../src/errors.js';
import { HashingEmbeddings } from '../../../src/embeddings/index.js';
import { CareerAdvisor } from '../../../src/core/index.js';
import { FakeDiscord, route } from '../../fakes/discord/index.js';
import { testConfig } from '../../helpers/test-advisor.js';
import { bodyOf, MemoryLogger, replyTo, TOKEN } from './harness.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('registerCommands', () => {
  const fake = new FakeDiscord({ token: TOKEN });
  let apiUrl: string;
  beforeAll(async () => {
    ({ apiUrl } = await fake.start());
  });
  afterAll(async () => {
    await fake.stop();
  });

  const env = () => ({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: apiUrl, DISCORD_APPLICATION_ID: fake.applicationId });

  it('defines six slash commands usable in servers and DMs, within Discord limits', () => {
    const defs = commandDefinitions();
    expect(defs.map((d) => d.name)).toEqual(['ask', 'cert', 'plan', 'topics', 'quiz', 'help']);
    for (const d of defs) {
      expect(d.description.length).toBeLessThanOrEqual(100);
      expect(d.contexts).toEqual([0, 1]);
    }
    const quiz = defs.find((d) => d.name === 'quiz');
    expect(quiz?.options?.map((o) => o.name)).toEqual(['start', 'next', 'score', 'stop']);
    expect(defs.find((d) => d.name === 'ask')?.options).toEqual([expect.objectContaining({ name: 'question', required: true })]);
  });

  it('registers in DISCORD_GUILD_ID when set (instant), through DISCORD_API_BASE', async () => {
    const result = await registerCommands({ config: testConfig({ ...env(), DISCORD_GUILD_ID: fake.guild.id }) });
    expect(result).toEqual({ scope: 'guild', guildId: fake.guild.id, names: ['ask', 'cert', 'plan', 'topics', 'quiz', 'help'] });
    const put = fake.findRequests(route('PUT', '/applications/:app/guilds/:guild/commands'))[0]!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual(commandDefinitions());
  });

  it('registers globally without a guild', async () => {
    const result = await registerCommands({ config: testConfig(env()) });
    expect(result.scope).toBe('global');
    expect(fake.findRequests(route('PUT', '/applications/:app/commands'))).toHaveLength(1);
  });

  it('explains a missing application id or token', async () => {
    await expect(registerCommands({ config: testConfig({ DISCORD_TOKEN: TOKEN }) })).rejects.toThrow(/DISCORD_APPLICATION_ID is not set/);
    await expect(registerCommands({ config: testConfig({ DISCORD_APPLICATION_ID: '1' }) })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('career-advisor discord (CLI command)', () => {
  const fake = new FakeDiscord({ token: TOKEN });
  let apiUrl: string;
  const dir = tempDir('discord-cli-');
  beforeAll(async () => {
    ({ apiUrl } = await fake.start());
  });
  afterAll(async () => {
    await fake.stop();
  });

  function cli(env: Record<string, string>, signals = new EventEmitter()) {
    const lines: string[] = [];
    let ready: (bot: DiscordBot) => void = () => undefined;
    const started = new Promise<DiscordBot>((resolve) => (ready = resolve));
    const command = createDiscordCliCommand({
      env: { INDEX_DIR: join(dir, 'index'), CACHE_DIR: join(dir, 'cache'), STORE_PATH: join(dir, 'store.db'), ...env },
      openAdvisor: (config) => CareerAdvisor.open(config, { embedder: new HashingEmbeddings() }),
      signals,
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      logger: new MemoryLogger(),
      clientOptions: { rest: { offset: 0 } },
      onReady: ready,
    });
    return { command, lines, started, signals };
  }

  it('`discord` logs in, answers, and shuts down cleanly on SIGTERM', async () => {
    const { command, lines, started, signals } = cli({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: apiUrl });
    expect(command.name).toBe('discord');
    const exit = command.run([]);
    const bot = await started;
    expect(lines[0]).toMatch(/^Logged in to Discord as fake-bot/);

    const incoming = fake.messageCreate({ content: `<@${fake.bot.id}> how much do coders make?` });
    await fake.dispatch('MESSAGE_CREATE', incoming);
    expect(bodyOf(await replyTo(fake, incoming.id)).embeds?.[0]?.description).toContain('[1]');

    signals.emit('SIGTERM');
    await expect(exit).resolves.toBe(0);
    expect(bot.client.isReady()).toBe(false);
    expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
  });

  it('`discord register` registers the commands and says where', async () => {
    const { command, lines } = cli({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: apiUrl, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guild.id });
    await expect(command.run(['register'])).resolves.toBe(0);
    expect(lines).toEqual([`Registered /ask, /cert, /plan, /topics, /quiz, /help in guild ${fake.guild.id} (available now).`]);
  });

  it('prints usage, rejects unknown subcommands and a missing token', async () => {
    const { command, lines } = cli({});
    await expect(command.run(['--help'])).resolves.toBe(0);
    expect(lines[0]).toMatch(/^Usage: career-advisor discord/);
    await expect(command.run(['bogus'])).resolves.toBe(2);
    expect(lines[1]).toMatch(/^Unknown discord subcommand "bogus"/);
    await expect(command.run([])).rejects.toThrow(/DISCORD_TOKEN is not set/);
  });
});
