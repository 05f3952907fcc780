import { once } from 'node:events';
import { constants, inflateSync } from 'node:zlib';
import {
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
  InteractionResponseType,
  MessageFlags,
  MessageType,
  Partials,
  Routes,
} from 'discord.js';
import type { Interaction, Message, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord, route } from './discord/index.js';

const TOKEN = 'fake-bot-token';

/** A minimal bot: replies to mentions and DMs, answers /ask, reacts to two buttons. */
function installBot(client: Client, seen: { errors: unknown[]; question: string | null }): void {
  client.on(Events.MessageCreate, (message: Message) => {
    if (message.author.bot) return;
    const mentioned = client.user !== null && message.mentions.users.has(client.user.id);
    if (mentioned || message.channel.type === ChannelType.DM) message.reply('hi').catch((e: unknown) => seen.errors.push(e));
  });
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    void handleInteraction(interaction, seen).catch((e: unknown) => seen.errors.push(e));
  });
}

async function handleInteraction(interaction: Interaction, seen: { question: string | null }): Promise<void> {
  if (interaction.isChatInputCommand() && interaction.commandName === 'ask') {
    seen.question = interaction.options.getString('question');
    await interaction.deferReply();
    await interaction.editReply('done');
  } else if (interaction.isButton() && interaction.customId === 'approve') {
    await interaction.update({ content: 'approved', components: [] });
  } else if (interaction.isButton() && interaction.customId === 'details') {
    await interaction.reply({ content: 'details', flags: MessageFlags.Ephemeral });
  }
}

describe('FakeDiscord with a real discord.js Client', () => {
  const fake = new FakeDiscord({ token: TOKEN, heartbeatIntervalMs: 200 });
  const seen = { errors: [] as unknown[], question: null as string | null };
  let client: Client;
  let readyMs = Number.POSITIVE_INFINITY;

  beforeAll(async () => {
    const { apiUrl } = await fake.start();
    client = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
        GatewayIntentBits.DirectMessages,
      ],
      // DM channels are not in the cache when a DM arrives; without this partial discord.js drops it.
      partials: [Partials.Channel],
      // offset: 0 -> retry 429s after exactly retry_after (default adds 50 ms).
      rest: { api: apiUrl, offset: 0 },
    });
    installBot(client, seen);
    const started = Date.now();
    const ready = once(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;
    readyMs = Date.now() - started;
  });

  afterAll(async () => {
    // Order matters: destroy the client first, or it reconnects to the closed fake forever.
    await client?.destroy();
    await fake.stop();
  });

  it('logs in and gets clientReady without the 15 s guild wait', () => {
    expect(readyMs).toBeLessThan(3000);
    expect(client.user?.id).toBe(fake.bot.id);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(fake.textChannel.id)?.name).toBe('general');
    const identify = fake.gateway.received.find((p) => p.op === 2);
    expect(identify?.d).toMatchObject({ token: TOKEN, compress: false, shard: [0, 1] });
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200 });
  });

  it('acknowledges heartbeats', async () => {
    await vi.waitFor(() => expect(fake.gateway.heartbeats).toBeGreaterThan(0), { timeout: 2000 });
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0), { timeout: 2000 });
  });

  it('delivers a mention and records the reply with its message_reference', async () => {
    const incoming = fake.messageCreate({ content: `<@${fake.bot.id}> hello` });
    expect(incoming.mentions.map((u) => u.id)).toEqual([fake.bot.id]);
    await fake.dispatch('MESSAGE_CREATE', incoming);

    const reply = await fake.waitForRequest(route('POST', '/channels/:id/messages'), 2000);
    expect(reply.path).toBe(`/channels/${fake.textChannel.id}/messages`);
    expect(reply.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(reply.body).toMatchObject({ content: 'hi', message_reference: { message_id: incoming.id } });
    expect(reply.response).toMatchObject({
      type: MessageType.Reply,
      author: { id: fake.bot.id },
      message_reference: { message_id: incoming.id, channel_id: fake.textChannel.id },
    });
  });

  it('delivers a DM (needs Partials.Channel) and records the reply in the DM channel', async () => {
    const since = fake.nextRequestIndex;
    const dm = fake.messageCreate({ content: 'hello in private', dm: true });
    await fake.dispatch('MESSAGE_CREATE', dm);
    const reply = await fake.waitForRequest(route('POST', '/channels/:id/messages'), 2000, { since });
    expect(reply.path).toBe(`/channels/${dm.channel_id}/messages`);
    expect(reply.body).toMatchObject({ content: 'hi', message_reference: { message_id: dm.id } });
  });

  it('runs a slash command: deferReply() then editReply() hit callback and PATCH @original', async () => {
    const since = fake.nextRequestIndex;
    const interaction = fake.chatInputInteraction({ name: 'ask', options: { question: 'What next?' } });
    await fake.dispatch('INTERACTION_CREATE', interaction);

    const edit = await fake.waitForRequest(route('PATCH', '/webhooks/:app/:token/messages/@original'), 2000, { since });
    const [callback] = fake.findRequests((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(seen.question).toBe('What next?');
    expect(callback).toMatchObject({ status: 204, query: { with_response: 'false' } });
    expect(callback?.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`);
    expect(edit.body).toMatchObject({ content: 'done' });
    expect(edit.response).toMatchObject({ content: 'done', type: MessageType.ChatInputCommand, flags: 0 });
    expect(callback!.index).toBeLessThan(edit.index);
  });

  it('runs a slash command in a DM (guildId: null)', async () => {
    const interaction = fake.chatInputInteraction({ name: 'ask', options: { question: 'Private?' }, guildId: null });
    expect(interaction.member).toBeUndefined();
    await fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token), 2000);
    expect(edit.response).toMatchObject({ content: 'done', channel_id: interaction.channel.id });
    expect(seen.question).toBe('Private?');
  });

  it('records a button update() and an ephemeral reply()', async () => {
    const click = fake.buttonInteraction({ customId: 'approve' });
    await fake.dispatch('INTERACTION_CREATE', click);
    const update = await fake.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`, 2000);
    expect(update.body).toMatchObject({ type: InteractionResponseType.UpdateMessage, data: { content: 'approved', components: [] } });
    expect(fake.store.messages.get(click.message.id)?.content).toBe('approved');

    const second = fake.buttonInteraction({ customId: 'details', message: click.message.id });
    await fake.dispatch('INTERACTION_CREATE', second);
    const reply = await fake.waitForRequest((r) => r.path === `/interactions/${second.id}/${second.token}/callback`, 2000);
    expect(reply.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'details', flags: MessageFlags.Ephemeral },
    });
    expect(seen.errors).toEqual([]);
  });

  it('rejects a second acknowledgement of the same interaction like Discord (40060)', async () => {
    const interaction = fake.chatInputInteraction({ name: 'other' });
    await fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = { body: { type: InteractionResponseType.DeferredChannelMessageWithSource }, auth: false } as const;
    await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), callback);
    const second = client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), callback);
    await expect(second).rejects.toMatchObject({ code: 40060, status: 400 });
  });

  it('sends attachments as multipart and records payload_json and files', async () => {
    const channel = client.channels.cache.get(fake.textChannel.id) as TextChannel;
    const sent = await channel.send({ content: 'report', files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }] });
    const request = fake.findRequests((r) => r.files.length > 0).at(-1);
    expect(request?.body).toMatchObject({ content: 'report' });
    expect(request?.files[0]).toMatchObject({ field: 'files[0]', filename: 'a.txt', size: 5 });
    expect(sent.attachments.first()?.name).toBe('a.txt');
  });

  it('creates threads from messages (thread id = message id) and delivers thread messages', async () => {
    const channel = client.channels.cache.get(fake.textChannel.id) as TextChannel;
    await channel.sendTyping();
    const starter = await channel.send('topic');
    const thread = await starter.startThread({ name: 'discussion' });
    expect(thread.id).toBe(starter.id);
    expect(fake.findRequests(route('POST', '/channels/:id/messages/:mid/threads'))).toHaveLength(1);
    expect(fake.findRequests(route('POST', '/channels/:id/typing'))[0]?.status).toBe(204);

    const added = await fake.addThread({ parentId: fake.textChannel.id, name: 'added' });
    const received = new Promise<Message>((resolve) => client.once(Events.MessageCreate, resolve));
    await fake.dispatch('MESSAGE_CREATE', fake.messageCreate({ content: 'inside', channelId: added.id }));
    const message = await received;
    expect(message.channel.isThread()).toBe(true);
    expect(message.guildId).toBe(fake.guild.id);
  });

  it('echoes bulk command registration (guild and global)', async () => {
    const commands = [{ name: 'ask', description: 'Ask a question' }];
    const guildCommands = await client.application!.commands.set(commands, fake.guild.id);
    const globalCommands = await client.application!.commands.set(commands);
    expect([...guildCommands.values()].map((c) => c.name)).toEqual(['ask']);
    expect(globalCommands.first()?.guildId).toBeNull();
    expect(fake.findRequests(route('PUT', '/applications/:app/guilds/:guild/commands'))[0]?.body).toEqual([
      expect.objectContaining({ name: 'ask', description: 'Ask a question' }),
    ]);
    expect(fake.findRequests(route('PUT', '/applications/:app/commands'))).toHaveLength(1);
  });

  it('injects a 429 that discord.js waits out and retries', async () => {
    fake.failNext({ method: 'POST', path: '/channels/:id/messages', status: 429, retryAfter: 0.05 });
    const since = fake.nextRequestIndex;
    const channel = client.channels.cache.get(fake.textChannel.id) as TextChannel;
    await channel.send('after rate limit');
    const attempts = fake.requests.slice(since).filter(route('POST', '/channels/:id/messages'));
    expect(attempts.map((r) => [r.status, r.injectedFault])).toEqual([
      [429, true],
      [200, false],
    ]);
  });

  it('injects 500s that outlast the REST retries (1 + 3 attempts)', async () => {
    fake.failNext({ path: '/channels/:id/messages', status: 500, times: 4 });
    const since = fake.nextRequestIndex;
    const channel = client.channels.cache.get(fake.textChannel.id) as TextChannel;
    await expect(channel.send('doomed')).rejects.toBeInstanceOf(HTTPError);
    expect(fake.requests.slice(since).map((r) => r.status)).toEqual([500, 500, 500, 500]);
  });

  it('answers unknown routes with a Discord-style 404 and records them', async () => {
    const error: unknown = await client.rest.get('/nothing/here').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 404, code: 0 });
    expect(fake.findRequests((r) => r.path === '/nothing/here')[0]?.status).toBe(404);
  });

  it('resumes the session after op 7 Reconnect and keeps delivering events', async () => {
    const resumed = once(client, Events.ShardResume);
    await fake.gateway.requestReconnect();
    await resumed; // discord.js waits 500 ms before reconnecting
    expect(fake.gateway.received.filter((p) => p.op === 6)).toHaveLength(1);
    const received = new Promise<Message>((resolve) => client.once(Events.MessageCreate, resolve));
    await fake.dispatch('MESSAGE_CREATE', fake.messageCreate({ content: 'still here' }));
    expect((await received).content).toBe('still here');
  });
});

describe('FakeDiscord edge cases', () => {
  it('rejects a login with the wrong token', async () => {
    const fake = new FakeDiscord({ token: TOKEN });
    const { apiUrl } = await fake.start();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
    try {
      await expect(client.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  it('speaks zlib-stream when a client asks for it (discord.js does with zlib-sync installed)', async () => {
    const fake = new FakeDiscord();
    const { gatewayUrl } = await fake.start();
    const socket = new WebSocket(`${gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const frames: Buffer[] = [];
    const decoded = () => inflateSync(Buffer.concat(frames), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
    socket.on('message', (data: Buffer) => frames.push(data));
    try {
      await vi.waitFor(() => expect(decoded()).toContain('"heartbeat_interval"'), { timeout: 2000 });
      socket.send(JSON.stringify({ op: 2, d: { token: 't', intents: 1, properties: {}, compress: false } }));
      await vi.waitFor(() => expect(decoded()).toContain('"t":"GUILD_CREATE"'), { timeout: 2000 });
      expect(frames.every((f) => f.subarray(-4).equals(Buffer.from([0, 0, 0xff, 0xff])))).toBe(true);
    } finally {
      socket.close();
      await once(socket, 'close');
      await fake.stop();
    }
  });
});
