import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config/index.js';
import { CareerAdvisor, type OpenOptions } from '../../src/core/index.js';
import { HashingEmbeddings } from '../../src/embeddings/index.js';
import { tempDir } from './temp-dir.js';

/**
 * Config for tests: the real knowledge folder, a fresh temporary index and cache, no network.
 * `overrides` are environment variables, parsed by the real config schema.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const dir = tempDir('career-advisor-test-');
  return loadConfig({ INDEX_DIR: join(dir, 'index'), CACHE_DIR: join(dir, 'cache'), STORE_PATH: join(dir, 'store.db'), ...overrides });
}

/**
 * A real CareerAdvisor over the real guide, with the deterministic hashing embedder so the index
 * builds in well under a second. Use `realEmbedder: true` tests sparingly (USE-lite takes ~12 s to index).
 */
export async function openTestAdvisor(options: OpenOptions & { config?: Config } = {}): Promise<CareerAdvisor> {
  const { config = testConfig(), ...rest } = options;
  return CareerAdvisor.open(config, { embedder: new HashingEmbeddings(), ...rest });
}

/** A test advisor over one small guide written for the test (`markdown`, saved as `fileName` in a fresh knowledge folder). */
export async function openAdvisorOnGuide(fileName: string, markdown: string): Promise<CareerAdvisor> {
  const dir = tempDir('career-advisor-guide-');
  writeFileSync(join(dir, fileName), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) });
}
