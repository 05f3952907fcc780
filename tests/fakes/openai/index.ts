export { FakeOpenAIServer } from './fake-openai-server.js';
export type { FakeOpenAIClientOptions, FakeOpenAIServerOptions } from './fake-openai-server.js';
export { countFakeTokens, messageText, promptText, splitIntoTokens } from './chat-completions.js';
export { DEFAULT_EMBEDDING_DIMENSIONS, fakeEmbedding } from './embeddings.js';
export { refusedBaseURL } from './refused-url.js';
export type * from './types.js';
