import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { readIntent } from '../../../src/commands/intents/read-intent.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { LocalUseEmbeddings } from '../../../src/embeddings/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { CODING_PARAPHRASES, PHARMACY_PARAPHRASES, type Paraphrase } from './paraphrases.js';
import { tempDir } from '../../helpers/temp-dir.js';

function pharmacyOnlyDir(): string {
  const dir = tempDir('career-advisor-pharmacy-');
  copyFileSync(fileURLToPath(new URL('../../fixtures/guides/pharmacy-technician-guide.md', import.meta.url)), join(dir, 'pharmacy-technician-guide.md'));
  return dir;
}

async function accuracy(advisor: CareerAdvisor, embedder: EmbeddingsInterface, items: Paraphrase[]): Promise<{ rate: number; misses: string[] }> {
  const misses: string[] = [];
  for (const item of items) {
    const intent = await readIntent(item.text, { index: advisor.index, retriever: { embedder, catalog: advisor.retriever.catalog } as CareerAdvisor['retriever'] });
    const got = intent?.kind ?? 'question';
    if (got !== item.expect) misses.push(`${item.text} → ${got} (expected ${item.expect})`);
  }
  return { rate: 1 - misses.length / items.length, misses };
}

// The router is measured with the offline embedder answers use by default (USE-lite), on
// paraphrases written by hand; the tune half informed QUALITY.intents, the test half did not.
describe('intent routing on hand-written paraphrases (USE-lite)', () => {
  let coding: CareerAdvisor;
  let pharmacy: CareerAdvisor;
  const use = new LocalUseEmbeddings();
  beforeAll(async () => {
    coding = await openTestAdvisor();
    pharmacy = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: pharmacyOnlyDir() }) });
  }, 60_000);

  it('routes the held-out test half of both guides', async () => {
    const tuneResult = await accuracy(coding, use, CODING_PARAPHRASES.filter((p) => p.split === 'tune').concat());
    const codingTest = await accuracy(coding, use, CODING_PARAPHRASES.filter((p) => p.split === 'test'));
    const pharmacyTune = await accuracy(pharmacy, use, PHARMACY_PARAPHRASES.filter((p) => p.split === 'tune'));
    const pharmacyTest = await accuracy(pharmacy, use, PHARMACY_PARAPHRASES.filter((p) => p.split === 'test'));
    console.log(JSON.stringify({ tune: tuneResult, codingTest, pharmacyTune, pharmacyTest }, null, 1));
    expect(codingTest.rate).toBeGreaterThanOrEqual(0.8);
    expect(pharmacyTest.rate).toBeGreaterThanOrEqual(0.8);
    // A follow-up the chat exemplars are merely nearest to is a question, not chit-chat.
    expect(tuneResult.misses.filter((m) => /downsides|against it/.test(m))).toEqual([]);
  }, 120_000);
});
