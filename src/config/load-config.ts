import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { packageRoot } from './package-root.js';
import { configSchema, type RawConfig } from './schema.js';

/** Validated configuration with paths resolved. */
export interface Config extends RawConfig {
  knowledgeDir: string;
  indexDir: string;
  cacheDir: string;
  storePath: string;
  /** Resolved: unset means one worker per CPU core. */
  WORKER_THREADS: number;
}

/**
 * Parses configuration from an environment once, at start-up. Empty strings count as unset.
 * Throws a ConfigError naming every invalid variable, on one line.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const value = cleaned[key];
      return `${key}: ${issue.message.replace(/\s+/g, ' ')}${value === undefined ? '' : ` (got ${JSON.stringify(redactIfSecret(key, value))})`}`;
    });
    throw new ConfigError(problems.join('; '));
  }
  const raw = parsed.data;
  if (raw.EMBEDDINGS_PROVIDER === 'openai' && !raw.OPENAI_API_KEY && !raw.OPENAI_BASE_URL) {
    throw new ConfigError('EMBEDDINGS_PROVIDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)');
  }
  if (raw.LLM_PROVIDER === 'openai' && !raw.OPENAI_API_KEY && !raw.OPENAI_BASE_URL) {
    throw new ConfigError('LLM_PROVIDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)');
  }
  const root = packageRoot();
  return {
    ...raw,
    knowledgeDir: raw.KNOWLEDGE_DIR ? resolve(raw.KNOWLEDGE_DIR) : resolve(root, 'knowledge'),
    indexDir: raw.INDEX_DIR ? resolve(raw.INDEX_DIR) : resolve(root, '.index'),
    cacheDir: raw.CACHE_DIR ? resolve(raw.CACHE_DIR) : resolve(root, '.cache'),
    // ":memory:" is SQLite's in-memory database, not a file name.
    WORKER_THREADS: raw.WORKER_THREADS ?? availableParallelism(),
    storePath: raw.STORE_PATH === ':memory:' ? ':memory:' : raw.STORE_PATH ? resolve(raw.STORE_PATH) : resolve(root, 'data', 'career-advisor.db'),
  };
}

function redactIfSecret(key: string, value: string): string {
  return /TOKEN|KEY|SECRET|SALT|REDIS_URL|DATABASE_URL/.test(key) ? '***' : value;
}
