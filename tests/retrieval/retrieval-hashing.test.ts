import { beforeAll } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';
import { knownQuestionSuite } from '../helpers/known-questions.js';

// The same expectations as retrieval-use.test.ts, with the deterministic hashing embedder: the
// keyword side and the reranker must carry these questions on their own.
let advisor: CareerAdvisor;
beforeAll(async () => {
  advisor = await openTestAdvisor();
});

knownQuestionSuite('hashing embedder', () => advisor);
