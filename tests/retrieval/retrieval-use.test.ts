import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { CareerAdvisor as Advisor } from '../../src/core/index.js';
import { LocalUseEmbeddings } from '../../src/embeddings/index.js';
import { QUALITY } from '../../src/quality/index.js';
import { stem } from '../../src/text/index.js';
import { testConfig } from '../helpers/test-advisor.js';
import { withSharedUseCache } from '../helpers/guide-files.js';
import { knownQuestionSuite } from '../helpers/known-questions.js';

// The only core test file that answers in-process with the real Universal Sentence Encoder lite
// model: the index is built once (~12 s of embedding on a quiet machine, unless cli.test.ts already
// filled the run's shared embedding cache), then every question embeds one query.
let advisor: CareerAdvisor;
beforeAll(async () => {
  advisor = await withSharedUseCache(async (cacheDir) =>
    await Advisor.open(testConfig({ INDEX_AUTO_REBUILD: 'true', CACHE_DIR: cacheDir }), { embedder: new LocalUseEmbeddings() }),
  );
}, 240_000);

describe('real USE-lite index', () => {
  it('was built with the local USE-lite embedder (512 dimensions)', () => {
    expect(advisor.index.manifest.embedder).toEqual({ id: 'local:use-lite-512', dimension: 512 });
    expect(advisor.index.vectors.size).toBe(advisor.index.chunks.length);
  });

  it('matches a word the guide never uses to the guide words nearest in meaning ("coworker" → "colleagues")', async () => {
    const query = await advisor.retriever.read('when I am stuck on a case can I ask a coworker');
    const coworker = query.terms.find((t) => t.token === 'coworker');
    expect(coworker?.alternatives.get(stem('colleagues'))).toBe(QUALITY.matching.relation.embedding);
    // Without the lookup (plain analysis), the lexicon alone has nothing for it in this guide.
    expect(advisor.retriever.analyze('can I ask a coworker').terms.find((t) => t.token === 'coworker')?.alternatives.has(stem('colleagues'))).toBe(false);
  });
});

knownQuestionSuite('USE-lite', () => advisor);
