/**
 * Refits the section-ranking model (src/quality/ranking-model.json): a logistic regression that
 * tells, from a candidate section's features, whether it is a section the question's answer is in.
 *
 *   npm run fit:ranking [-- --dry-run]
 *
 * Every candidate section of every training question (dev + coding tune) is a row, labelled by
 * the eval rule (its heading path contains an expected section). Reported: hit@1/hit@3 of the
 * fitted order on the training questions, in-sample and with 5-fold cross-validation by question.
 */
import { parseArgs } from 'node:util';
import type { CareerAdvisor } from '../../src/core/index.js';
import { sectionMatches } from '../../src/eval/index.js';
import { formatHeadingPath } from '../../src/ingest/index.js';
import { crossValidated, fitLogistic, probability, type Example } from './logistic.js';
import { openTrainingAdvisor, saveModel, trainingQuestions, TRAINING_FILES } from './training-data.js';

const FEATURES = ['rrf', 'dense', 'centroid', 'heading_sim', 'dense_rr', 'keyword_rr', 'title', 'best_unit', 'best_support', 'best_line_sim', 'acronym', 'list', 'value_match'];
const L2 = 1;
const CANDIDATES = 30;

async function collect(advisor: CareerAdvisor): Promise<Example[]> {
  const examples: Example[] = [];
  for (const q of trainingQuestions()) {
    if (!q.sections) continue;
    // Follow-ups are ranked with their conversation's context, as users reach them.
    const { retrieval } = await advisor.askWithRetrieval(q.question, q.conversationId ? { conversationId: q.conversationId } : {});
    if (!retrieval) continue;
    const wide = await advisor.retriever.retrieve(retrieval.query, CANDIDATES);
    for (const s of wide.sections) {
      examples.push({ group: q.id, y: sectionMatches(formatHeadingPath(s.entry.section.headingPath), q.sections) ? 1 : 0, x: FEATURES.map((f) => s.features[f] ?? 0) });
    }
  }
  return examples;
}

function hitRates(examples: Example[], scores: number[]): { hit1: number; hit3: number } {
  const byGroup = new Map<string, Array<{ y: number; s: number }>>();
  examples.forEach((e, i) => byGroup.set(e.group, [...(byGroup.get(e.group) ?? []), { y: e.y, s: scores[i]! }]));
  let hit1 = 0;
  let hit3 = 0;
  for (const rows of byGroup.values()) {
    const order = rows.sort((a, b) => b.s - a.s);
    if (order[0]?.y === 1) hit1++;
    if (order.slice(0, 3).some((r) => r.y === 1)) hit3++;
  }
  return { hit1: Number((hit1 / byGroup.size).toFixed(3)), hit3: Number((hit3 / byGroup.size).toFixed(3)) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, embedder: { type: 'string' } } });
  const advisor = await openTrainingAdvisor();
  const examples = await collect(advisor);
  const cv = crossValidated(examples, FEATURES, L2);
  const model = fitLogistic(examples, FEATURES, L2);
  model.fitted = {
    by: 'scripts/quality/fit-ranking.ts',
    files: TRAINING_FILES,
    questions: new Set(examples.map((e) => e.group)).size,
    rows: examples.length,
    l2: L2,
    in_sample: hitRates(examples, examples.map((e) => probability(model, e.x))),
    cross_validated: hitRates(examples, cv),
  };
  process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
  if (!values['dry-run']) process.stderr.write(`written to ${saveModel(advisor.retriever.embedder.id, 'ranking', model)}\n`);
}

await main();
