import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers/guide-files.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

const SECRETS = {
  OPENAI_API_KEY: 'sk-test-SECRET-openai-123456',
  DISCORD_TOKEN: 'discord-SECRET-token-abcdef',
  SLACK_BOT_TOKEN: 'xoxb-SECRET-slack-bot-999',
  SLACK_SIGNING_SECRET: 'slack-SECRET-signing-777',
  SLACK_APP_TOKEN: 'xapp-SECRET-app-555',
};

describe('loadConfig', () => {
  it('has sensible defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      EMBEDDINGS_PROVIDER: 'local',
      LLM_PROVIDER: 'none',
      INDEX_AUTO_REBUILD: true,
      MAX_QUESTION_CHARS: 1000,
      CONVERSATION_TURNS: 4,
      CONVERSATION_TTL_MINUTES: 60,
      LLM_TEMPERATURE: 0.1,
      LLM_MAX_RETRIES: 2,
      PORT: 3000,
      DISCORD_CHANNEL_IDS: [],
      SLACK_CHANNEL_IDS: [],
      LOG_LEVEL: 'info',
    });
    expect(config.OPENAI_API_KEY).toBeUndefined();
    expect(config.knowledgeDir).toBe(join(REPO_ROOT, 'knowledge'));
    expect(config.indexDir).toBe(join(REPO_ROOT, '.index'));
    expect(config.cacheDir).toBe(join(REPO_ROOT, '.cache'));
    expect(config.storePath).toBe(join(REPO_ROOT, 'data', 'career-advisor.db'));
  });

  it('parses and coerces values, and resolves relative paths', () => {
    const config = loadConfig({
      PORT: '8080',
      LLM_TEMPERATURE: '0.7',
      INDEX_AUTO_REBUILD: 'no',
      DISCORD_CHANNEL_IDS: ' 1, 2 ,,3 ',
      INDEX_DIR: 'some/rel/index',
      MAX_QUESTION_CHARS: '20000',
    });
    expect(config.PORT).toBe(8080);
    expect(config.LLM_TEMPERATURE).toBe(0.7);
    expect(config.INDEX_AUTO_REBUILD).toBe(false);
    expect(config.DISCORD_CHANNEL_IDS).toEqual(['1', '2', '3']);
    expect(config.indexDir).toBe(resolve('some/rel/index'));
    expect(config.MAX_QUESTION_CHARS).toBe(20_000);
  });

  it('treats empty and blank values as unset', () => {
    const config = loadConfig({ PORT: '', LLM_TEMPERATURE: '   ', EMBEDDINGS_PROVIDER: '' });
    expect(config.PORT).toBe(3000);
    expect(config.LLM_TEMPERATURE).toBe(0.1);
    expect(config.EMBEDDINGS_PROVIDER).toBe('local');
  });

  it('ignores unrelated environment variables', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root', SOMETHING_ELSE: 'x' })).not.toThrow();
  });

  it('rejects LLM_TEMPERATURE=hot, EMBEDDINGS_PROVIDER=foo and PORT=99999 in one ConfigError listing each', () => {
    const error = configError({ LLM_TEMPERATURE: 'hot', EMBEDDINGS_PROVIDER: 'foo', PORT: '99999' });
    expect(error.code).toBe('CONFIG_INVALID');
    const lines = error.message.split('\n');
    for (const [name, value] of [['LLM_TEMPERATURE', 'hot'], ['EMBEDDINGS_PROVIDER', 'foo'], ['PORT', '99999']] as const) {
      const line = lines.find((l) => l.includes(name));
      expect(line, `no line names ${name}`).toBeDefined();
      expect(line).toContain(value);
    }
    // Valid variables are not reported.
    expect(error.message).not.toMatch(/MAX_QUESTION_CHARS|LLM_PROVIDER:/);
  });

  it.each([
    ['MAX_QUESTION_CHARS', '5'],
    ['MAX_QUESTION_CHARS', 'lots'],
    ['INDEX_AUTO_REBUILD', 'maybe'],
    ['LLM_PROVIDER', 'anthropic'],
    ['OPENAI_BASE_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['CONVERSATION_TURNS', '-1'],
    ['PORT', '80.5'],
  ])('rejects %s=%s', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.message).toContain(name);
  });

  it('never echoes secrets in the error message', () => {
    const error = configError({ ...SECRETS, LLM_TEMPERATURE: 'hot', PORT: '99999' });
    for (const secret of Object.values(SECRETS)) expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('SECRET');
    expect(error.message).toContain('LLM_TEMPERATURE');
    expect(error.message).toContain('PORT');
  });

  it('keeps the minimized question by default and accepts redacted or none', () => {
    expect(loadConfig({}).STORE_QUESTION_TEXT).toBe('minimized');
    expect(loadConfig({ STORE_QUESTION_TEXT: 'none' }).STORE_QUESTION_TEXT).toBe('none');
    expect(configError({ STORE_QUESTION_TEXT: 'everything' }).message).toContain('STORE_QUESTION_TEXT');
  });

  it('rejects a STORE_ID_SALT shorter than 16 characters in one line naming it, without echoing the salt', () => {
    const error = configError({ STORE_ID_SALT: 'short-salt' });
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toMatch(/^Invalid configuration: STORE_ID_SALT: must be at least 16 characters/);
    expect(error.message).not.toContain('short-salt');
    expect(loadConfig({ STORE_ID_SALT: 'a-long-enough-secret-salt' }).STORE_ID_SALT).toBe('a-long-enough-secret-salt');
  });

  it('requires a key or base URL for the openai providers, without printing anything secret', () => {
    const embeddings = configError({ EMBEDDINGS_PROVIDER: 'openai', DISCORD_TOKEN: SECRETS.DISCORD_TOKEN });
    expect(embeddings.message).toContain('OPENAI_API_KEY');
    expect(embeddings.message).not.toContain(SECRETS.DISCORD_TOKEN);
    expect(configError({ LLM_PROVIDER: 'openai' }).message).toContain('OPENAI_API_KEY');
    expect(loadConfig({ LLM_PROVIDER: 'openai', OPENAI_API_KEY: SECRETS.OPENAI_API_KEY }).LLM_PROVIDER).toBe('openai');
    expect(loadConfig({ EMBEDDINGS_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://localhost:11434/v1' }).EMBEDDINGS_PROVIDER).toBe('openai');
  });
});
