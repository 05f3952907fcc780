import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const idList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
const optionalText = z.string().trim().min(1).optional();

/**
 * The one configuration schema. Every setting is an environment variable; `.env.example`
 * and docs/configuration.md list the same names. Parsed once at start-up by `loadConfig`.
 */
/** A place key: "discord:<guild>" or "slack:<team>", optionally "/<channel>". */
const PLACE_KEY = /^(?:discord|slack):[\w-]+(?:\/[\w-]+)?$/;

/** "discord:G=a.md,b.md; slack:T/C=b.md" → { "discord:G": ["a.md", "b.md"], "slack:T/C": ["b.md"] }. */
const guidesByPlace = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const places: Record<string, string[]> = {};
    for (const entry of text.split(';').map((e) => e.trim()).filter(Boolean)) {
      const [key = '', list = ''] = entry.split('=', 2).map((p) => p.trim());
      const guides = list.split(',').map((g) => g.trim()).filter(Boolean);
      if (!PLACE_KEY.test(key) || guides.length === 0) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not "discord:GUILD[/CHANNEL]=guide.md[,guide.md]" or "slack:TEAM[/CHANNEL]=…"` });
        continue;
      }
      places[key] = guides;
    }
    return places;
  });

export const configSchema = z.object({
  // Knowledge and index
  KNOWLEDGE_DIR: optionalText.describe('Folder of guides (.md, .txt). Default: the package\'s knowledge/'),
  INDEX_DIR: optionalText.describe('Where the index is saved. Default: .index/ in the package'),
  CACHE_DIR: optionalText.describe('Embedding cache folder. Default: .cache/ in the package'),
  INDEX_AUTO_REBUILD: bool.default(true).describe('Rebuild a stale or missing index automatically instead of failing'),

  // Embeddings
  EMBEDDINGS_PROVIDER: z.enum(['local', 'openai']).default('local').describe('local = Universal Sentence Encoder lite, offline; openai = any OpenAI-compatible endpoint'),
  EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small').describe('Embedding model name (openai provider)'),
  EMBEDDINGS_DIMENSIONS: z.coerce.number().int().positive().optional().describe('Requested vector size (openai provider, optional)'),

  // Answering
  MAX_QUESTION_CHARS: z.coerce.number().int().min(20).max(20_000).default(1000).describe('Longest question accepted'),
  CONVERSATION_TURNS: z.coerce.number().int().min(0).max(20).default(4).describe('Previous turns used to understand follow-ups'),
  CONVERSATION_TTL_MINUTES: z.coerce.number().int().positive().default(60).describe('Idle conversations are forgotten after this'),

  // Generated answers (optional)
  LLM_PROVIDER: z.enum(['none', 'openai']).default('none').describe('none = extractive answers only; openai = any OpenAI-compatible chat model'),
  OPENAI_API_KEY: optionalText.describe('API key for the OpenAI-compatible endpoint (LLM and embeddings)'),
  OPENAI_BASE_URL: z.string().url().optional().describe('Base URL of an OpenAI-compatible API, e.g. http://localhost:11434/v1 for Ollama'),
  LLM_MODEL: z.string().default('gpt-4o-mini').describe('Chat model name'),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1).describe('Sampling temperature'),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000).describe('Per-request timeout'),
  LLM_MAX_TOKENS: z.coerce.number().int().positive().default(600).describe('Maximum output tokens'),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2).describe('Retries on 429/5xx/timeouts before falling back to the extractive answer'),
  LLM_DEADLINE_MS: z.coerce.number().int().positive().default(30_000).describe('Overall time budget for one generated answer, retries included; then the extractive answer'),
  LLM_STRUCTURED_OUTPUT: z.enum(['json_schema', 'function_calling', 'json_mode']).default('json_schema').describe('How the model is asked for structured output (function_calling or json_mode for servers without json_schema)'),
  // Generated answers: verification, follow-up rewriting and the circuit breaker (issue 12; see docs/generated-answers.md)
  LLM_CLAIM_MIN_SIMILARITY: z.coerce.number().min(0).max(1).default(0.45).describe('Lowest USE cosine similarity between a generated claim and a line of the excerpt it cites (0 turns the check off); chosen from measured true/false claim pairs'),
  LLM_REWRITE_FOLLOW_UPS: bool.default(true).describe('With LLM_PROVIDER=openai, let the model turn a follow-up into a standalone question before retrieval'),
  LLM_REWRITE_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000).describe('Time limit of the follow-up rewriting call; after it the offline rewriter is used'),
  LLM_BREAKER_FAULTS: z.coerce.number().int().min(1).max(100).default(5).describe('Consecutive model faults that open the circuit breaker (answers are then extractive at once)'),
  LLM_BREAKER_COOLDOWN_MS: z.coerce.number().int().positive().default(30_000).describe('How long the breaker stays open before one probe call is let through'),

  // Discord
  DISCORD_TOKEN: optionalText.describe('Bot token (enables the Discord adapter)'),
  DISCORD_APPLICATION_ID: optionalText.describe('Application id (for registering slash commands)'),
  DISCORD_GUILD_ID: optionalText.describe('Register commands to this server only (fast iteration)'),
  DISCORD_CHANNEL_IDS: idList.default([]).describe('Comma-separated allow-list of channel ids; empty = everywhere'),
  DISCORD_API_BASE: z.string().url().optional().describe('REST base URL (rate-limit proxy or a local fake)'),

  // Slack
  SLACK_BOT_TOKEN: optionalText.describe('Bot token xoxb-… (enables the Slack adapter)'),
  SLACK_SIGNING_SECRET: optionalText.describe('Signing secret (HTTP mode)'),
  SLACK_APP_TOKEN: optionalText.describe('App-level token xapp-… (Socket Mode)'),
  SLACK_CHANNEL_IDS: idList.default([]).describe('Comma-separated allow-list of channel ids; empty = everywhere'),
  SLACK_API_URL: z.string().url().optional().describe('Web API base URL (GovSlack, proxies, a local fake)'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000).describe('HTTP port for Slack events and health checks'),

  // Group quizzes (issue 15)
  QUIZ_ROUND_SECONDS: z.coerce.number().int().min(5).max(600).default(20).describe('How long a quiz question stays open in a Discord or Slack channel before the bot posts the answer and the scores'),
  QUIZ_ROUND_PLAYERS: z.coerce.number().int().min(0).max(100).default(0).describe('A quiz question closes early once this many players have answered (0 = only the time closes it; a DM closes at the first answer)'),

  // Guides per place (issue 11)
  GUIDES_BY_PLACE: guidesByPlace.describe(
    'Which guides a place may use: "discord:GUILD=a.md,b.md; discord:GUILD/CHANNEL=a.md; slack:TEAM=b.md; slack:TEAM/CHANNEL=b.md". A channel entry wins over its server/workspace; places not listed use every guide',
  ),

  // Operations
  STORE_PATH: optionalText.describe('SQLite file for questions and feedback. Default: data/career-advisor.db'),
  STORE_RETENTION_DAYS: z.coerce.number().int().positive().default(90).describe('Questions older than this are deleted'),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().positive().default(10).describe('Questions answered from the guide per user per minute (button clicks, greetings, quiz and plan answers do not count)'),
  RATE_LIMIT_CHANNEL_PER_MINUTE: z.coerce.number().int().positive().default(60).describe('Questions answered from the guide per channel per minute'),
  ANSWER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4).describe('Answers computed at once'),
  ANSWER_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(200).describe('Questions allowed to wait; beyond that users are told the bot is busy'),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(8787).describe('Port for GET /healthz and GET /metrics when running bots (0 = any free port)'),
  HEALTH_HOST: z.string().default('127.0.0.1').describe('Address the health/metrics server binds (0.0.0.0 to expose it)'),
  // Resilience (issue 16): durable inbox, answer worker threads, bounded CLI sessions
  INBOX_MAX_AGE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15).describe('On start, acknowledged questions still unanswered and younger than this are answered (older ones are dropped)'),
  INBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120).describe('A recovered question is reserved for the process that claimed it for this long'),
  WORKER_THREADS: z.coerce.number().int().min(0).max(64).optional().describe('Worker threads that embed, retrieve and compose answers for the bots (0 = on the main thread). Default: the number of CPU cores'),
  SESSION_ID_MAX_CHARS: z.coerce.number().int().min(1).max(10_000).default(200).describe('Longest session id `ask --jsonl` accepts'),
  JSONL_MAX_SESSIONS: z.coerce.number().int().min(1).max(1_000_000).default(1000).describe('Distinct session ids one `ask --jsonl` run may use'),

  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level'),

  // Scaling out: several workers and shards (see docs/deploy.md)
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL').optional().describe('redis://host:port/db: conversation turns, plans, quizzes, duplicate-delivery checks, Sources, rate limits and the question inbox shared by every worker. Default: this process\'s memory (inbox: the SQLite file)'),
  REDIS_PREFIX: z.string().min(1).default('career-advisor:').describe('Prefix of every Redis key (several deployments can share one Redis)'),
  DATABASE_URL: z.string().regex(/^postgres(?:ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL').optional().describe('postgres://user:password@host:port/db: store questions and feedback in PostgreSQL instead of the SQLite file (STORE_PATH)'),

  // Privacy (patient data; see docs/privacy.md)
  STORE_QUESTION_TEXT: z
    .enum(['minimized', 'redacted', 'none'])
    .default('minimized')
    .describe('What the store keeps of a question: minimized = patient data redacted and every other identifier-like token masked; redacted = patient data redacted; none = no text'),
  STORE_ID_SALT: z.string().trim().min(16, 'must be at least 16 characters (a real secret)').optional().describe('Secret key (16+ characters) for hashing user and conversation ids in the store'),
});

export type RawConfig = z.infer<typeof configSchema>;
