export { FakeDiscord } from './fake-discord.js';
export { route } from './recorder.js';
export type { WaitForRequestOptions } from './recorder.js';
export type { ButtonInteractionInput, ChatInputInteractionInput, MessageCreateInput, SimpleCommandOptions } from './builders.js';
export type { AddThreadOptions, AddUserOptions, FakeDiscordStore, FakeGuild, InteractionRecord } from './store.js';
export type { FakeGateway, GatewayPayload } from './gateway.js';
export type {
  FakeDiscordOptions,
  FakeDiscordUrls,
  FaultRule,
  GatewayEvent,
  RecordedFile,
  RecordedRequest,
  RequestPredicate,
} from './types.js';
