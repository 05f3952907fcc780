import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIMessageComponentButtonInteraction,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  GatewayMessageCreateDispatchData,
} from 'discord.js';
import { buildButtonInteraction, buildChatInputInteraction, buildMemberChunk, buildMessageCreate } from './builders.js';
import type { ButtonInteractionInput, ChatInputInteractionInput, MessageCreateInput } from './builders.js';
import { FaultInjector } from './faults.js';
import { FakeGateway } from './gateway.js';
import { RequestRecorder } from './recorder.js';
import type { WaitForRequestOptions } from './recorder.js';
import { createRestHandler } from './rest-server.js';
import { Router } from './router.js';
import { channelRoutes } from './routes-channels.js';
import { coreRoutes } from './routes-core.js';
import { interactionRoutes } from './routes-interactions.js';
import { FakeDiscordStore } from './store.js';
import type { AddThreadOptions, AddUserOptions, FakeGuild } from './store.js';
import type { FakeDiscordOptions, FakeDiscordUrls, FaultRule, GatewayEvent, RecordedRequest, RequestPredicate } from './types.js';

/** Discord's real heartbeat interval. */
const DEFAULT_HEARTBEAT_MS = 41_250;

/**
 * A local fake Discord (REST + gateway on one 127.0.0.1 port) that an unmodified
 * discord.js `Client` can log in to.
 *
 * Lifecycle: `await fake.start()`, create the Client with `rest: { api: fake.urls.apiUrl }`,
 * `login()` and wait for `clientReady`; at the end `await client.destroy()` BEFORE
 * `await fake.stop()` — otherwise discord.js treats the closed socket as an outage and
 * keeps reconnecting, which keeps the test process alive.
 *
 * @example
 * const fake = new FakeDiscord();
 * const { apiUrl } = await fake.start();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages,
 *   GatewayIntentBits.MessageContent], rest: { api: apiUrl } });
 * const ready = once(client, Events.ClientReady);
 * await client.login('any-token');
 * await ready;
 * await fake.dispatch('MESSAGE_CREATE', fake.messageCreate({ content: `<@${fake.bot.id}> hi` }));
 * const reply = await fake.waitForRequest(route('POST', '/channels/:id/messages'));
 * await client.destroy();
 * await fake.stop();
 */
export class FakeDiscord {
  /** The fake's state (users, channels, messages, interactions, commands); tests may inspect it. */
  readonly store: FakeDiscordStore;
  readonly #options: FakeDiscordOptions;
  readonly #recorder = new RequestRecorder();
  readonly #faults = new FaultInjector();
  #server: Server | null = null;
  #gateway: FakeGateway | null = null;
  #urls: FakeDiscordUrls | null = null;

  constructor(options: FakeDiscordOptions = {}) {
    this.#options = options;
    this.store = new FakeDiscordStore(options);
  }

  /** Starts the HTTP + WebSocket server on a free 127.0.0.1 port. */
  async start(): Promise<FakeDiscordUrls> {
    if (this.#urls) throw new Error('FakeDiscord already started');
    const server = createServer(
      createRestHandler({
        router: new Router([...coreRoutes(() => this.urls.gatewayUrl), ...channelRoutes(), ...interactionRoutes()]),
        recorder: this.#recorder,
        faults: this.#faults,
        store: this.store,
        token: this.#options.token,
        // Echoes are best effort: a client that just disconnected must not fail the REST call.
        onEvents: (events) => void this.echo(events).catch(() => undefined),
      }),
    );
    this.#gateway = this.createGateway(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    const { port } = server.address() as AddressInfo;
    this.#urls = { port, apiUrl: `http://127.0.0.1:${port}/api`, gatewayUrl: `ws://127.0.0.1:${port}` };
    return this.#urls;
  }

  /** Closes the gateway and HTTP server. Call `client.destroy()` first (see class docs). */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server || !this.#gateway) return;
    if (this.#gateway.connectionCount > 0) {
      process.emitWarning('FakeDiscord.stop() with a gateway client still connected: call client.destroy() first.');
    }
    this.#recorder.cancelAll('FakeDiscord stopped');
    await this.#gateway.close();
    // undici keeps REST sockets alive; without this, close() would wait for them to idle out.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.#server = null;
  }

  /** URLs of the running fake; throws before `start()`. */
  get urls(): FakeDiscordUrls {
    if (!this.#urls) throw new Error('FakeDiscord not started');
    return this.#urls;
  }

  /** The gateway (received payloads, heartbeat count, reconnect/disconnect controls). */
  get gateway(): FakeGateway {
    if (!this.#gateway) throw new Error('FakeDiscord not started');
    return this.#gateway;
  }

  /** The bot's user (`client.user.id === fake.bot.id`). */
  get bot(): APIUser {
    return this.store.bot;
  }

  get applicationId(): string {
    return this.store.applicationId;
  }

  get guild(): FakeGuild {
    return this.store.guild;
  }

  /** The default text channel ("general"). */
  get textChannel(): APITextChannel {
    return this.store.channels.get(this.store.defaultChannelId) as APITextChannel;
  }

  /** The default human user ("alice"), author of built messages and interactions. */
  get defaultUser(): APIUser {
    return this.store.users.get(this.store.defaultUserId) as APIUser;
  }

  /** Adds a user (guild member by default); announced with GUILD_MEMBER_ADD when a session is live. */
  async addUser(username: string, options: AddUserOptions = {}): Promise<APIUser> {
    const user = this.store.addUser(username, options);
    const member = this.store.members.get(user.id);
    if (member) await this.#gateway?.dispatch('GUILD_MEMBER_ADD', { ...member, guild_id: this.guild.id });
    return user;
  }

  /** Adds a text channel; announced with CHANNEL_CREATE when a session is live. */
  async addTextChannel(name: string): Promise<APITextChannel> {
    const channel = this.store.addTextChannel(name);
    await this.#gateway?.dispatch('CHANNEL_CREATE', channel);
    return channel;
  }

  /** Adds a thread; announced with THREAD_CREATE when a session is live. */
  async addThread(options: AddThreadOptions): Promise<APIThreadChannel> {
    const thread = this.store.addThread(options);
    await this.#gateway?.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return thread;
  }

  /**
   * Sends a gateway dispatch (op 0) with the next sequence number. MESSAGE_CREATE payloads are
   * remembered (so replies can reference them) and INTERACTION_CREATE payloads registered (so
   * their callbacks are accepted). Throws when no client session is live.
   */
  async dispatch(event: string, data: unknown): Promise<void> {
    this.track(event, data);
    const reached = await this.gateway.dispatch(event, data);
    if (reached === 0) throw new Error(`dispatch(${event}): no gateway session; wait for the client's clientReady first`);
  }

  /** Builds MESSAGE_CREATE data for a user message; dispatch it with `dispatch('MESSAGE_CREATE', ...)`. */
  messageCreate(input: MessageCreateInput): GatewayMessageCreateDispatchData {
    return buildMessageCreate(this.store, input);
  }

  /** Builds a slash-command INTERACTION_CREATE payload. */
  chatInputInteraction(input: ChatInputInteractionInput): APIChatInputApplicationCommandInteraction {
    return buildChatInputInteraction(this.store, input);
  }

  /** Builds a button-click INTERACTION_CREATE payload. */
  buttonInteraction(input: ButtonInteractionInput): APIMessageComponentButtonInteraction {
    return buildButtonInteraction(this.store, input);
  }

  /** Every REST call received so far, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#recorder.all;
  }

  /** Index the next REST call will get; pass as `since` to wait only for later calls. */
  get nextRequestIndex(): number {
    return this.#recorder.nextIndex;
  }

  /** Recorded REST calls matching `predicate`. */
  findRequests(predicate: RequestPredicate): RecordedRequest[] {
    return this.#recorder.all.filter(predicate);
  }

  /** Resolves with the first matching REST call (already recorded or future); rejects after `timeoutMs`. */
  waitForRequest(predicate: RequestPredicate, timeoutMs = 5000, options: WaitForRequestOptions = {}): Promise<RecordedRequest> {
    return this.#recorder.waitFor(predicate, timeoutMs, options);
  }

  /** Makes upcoming matching REST calls fail (429 with retry-after, 500, 403, ...). */
  failNext(rule: FaultRule): void {
    this.#faults.add(rule);
  }

  /** Drops all pending injected faults. */
  clearFaults(): void {
    this.#faults.clear();
  }

  private createGateway(server: Server): FakeGateway {
    return new FakeGateway(server, {
      heartbeatIntervalMs: this.#options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS,
      token: this.#options.token,
      resumeUrl: () => this.urls.gatewayUrl,
      sessionStart: (sessionId, resumeUrl): GatewayEvent[] => [
        { t: 'READY', d: this.store.readyPayload(sessionId, resumeUrl) },
        // Without GUILD_CREATE discord.js waits `waitGuildTimeout` (15 s) before clientReady.
        { t: 'GUILD_CREATE', d: this.store.guildCreatePayload() },
      ],
      memberChunk: (request) => buildMemberChunk(this.store, request),
    });
  }

  /** Discord echoes REST side effects on the gateway (the bot sees its own messages, edits, threads). */
  private async echo(events: GatewayEvent[]): Promise<void> {
    if (this.#options.echoEvents === false || !this.#gateway) return;
    for (const event of events) await this.#gateway.dispatch(event.t, event.d);
  }

  private track(event: string, data: unknown): void {
    if (event === 'MESSAGE_CREATE') this.store.rememberGatewayMessage(data as GatewayMessageCreateDispatchData);
    if (event === 'INTERACTION_CREATE') this.store.registerInteraction(data as APIInteraction);
  }
}
