import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { CareerAdvisor as Advisor } from '../../src/core/index.js';
import { LocalUseEmbeddings } from '../../src/embeddings/index.js';
import { testConfig } from '../helpers/test-advisor.js';
import { cleanUpAdvisor, withSharedUseCache } from '../helpers/guide-files.js';
import { knownQuestionSuite } from '../helpers/known-questions.js';

// The only core test file that answers in-process with the real Universal Sentence Encoder lite
// model: the index is built once (~12 s of embedding on a quiet machine, unless cli.test.ts already
// filled the run's shared embedding cache), then every question embeds one query.
let advisor: CareerAdvisor;
beforeAll(async () => {
  advisor = await withSharedUseCache(async (cacheDir) =>
    cleanUpAdvisor(await Advisor.open(testConfig({ INDEX_AUTO_REBUILD: 'true', CACHE_DIR: cacheDir }), { embedder: new LocalUseEmbeddings() })),
  );
}, 240_000);

describe('real USE-lite index', () => {
  it('was built with the local USE-lite embedder (512 dimensions)', () => {
    expect(advisor.index.manifest.embedder).toEqual({ id: 'local:use-lite-512', dimension: 512 });
    expect(advisor.index.vectors.size).toBe(advisor.index.chunks.length);
  });
});

knownQuestionSuite('USE-lite', () => advisor);
