/**
 * Refits the answerability model (src/quality/answerability-model.json) from labelled questions:
 * in-scope questions and conversation turns are "answerable", out-of-scope ones are not.
 *
 *   npm run fit                      # default training data: the shared dev set + eval/clinical-coding/tune.jsonl
 *   npm run fit -- --dry-run         # print the fit, write nothing
 *
 * Only tune splits and dev are used; test splits and the second guide are never read here, so
 * their numbers stay honest. The model is a class-balanced, L2-regularised logistic regression
 * on standardised features (Newton's method); the threshold minimises the expected cost of
 * mistakes (QUALITY.answer.refusalCost) on 5-fold cross-validated probabilities, so it is not
 * chosen on predictions the model was fitted to.
 */
import { parseArgs } from 'node:util';
import type { CareerAdvisor } from '../../src/core/index.js';
import { FEATURE_NAMES } from '../../src/answer/index.js';
import { QUALITY } from '../../src/quality/index.js';
import { auc, crossValidated, fitLogistic, type Example } from './logistic.js';
import { openTrainingAdvisor, saveModel, trainingQuestions, TRAINING_FILES } from './training-data.js';

const L2 = 1.0;

async function collect(advisor: CareerAdvisor): Promise<Example[]> {
  const examples: Example[] = [];
  for (const q of trainingQuestions()) {
    const { decision } = await advisor.askWithRetrieval(q.question, q.conversationId ? { conversationId: q.conversationId } : {});
    if (decision) examples.push({ group: q.id, y: q.answerable ? 1 : 0, x: FEATURE_NAMES.map((f) => decision.features[f]) });
  }
  return examples;
}

function rates(examples: Example[], probabilities: number[], threshold: number): { falseAbstention: number; oosAbstention: number } {
  const share = (y: number, below: boolean) => {
    const rows = probabilities.filter((_, i) => examples[i]!.y === y);
    return rows.filter((p) => (p < threshold) === below).length / (rows.length || 1);
  };
  return { falseAbstention: share(1, true), oosAbstention: share(0, true) };
}

/**
 * The threshold with the lowest expected cost on cross-validated probabilities, where a wrong
 * refusal costs QUALITY.answer.refusalCost times a wrong answer to an off-topic question.
 */
function bestThreshold(examples: Example[], probabilities: number[]): number {
  let best = 0.5;
  let bestCost = Infinity;
  for (let t = 0.05; t < 0.96; t += 0.01) {
    const r = rates(examples, probabilities, t);
    const cost = QUALITY.answer.refusalCost * r.falseAbstention + (1 - r.oosAbstention);
    if (cost < bestCost - 1e-9) [best, bestCost] = [Number(t.toFixed(2)), cost];
  }
  return best;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, embedder: { type: 'string' } } });
  const advisor = await openTrainingAdvisor();
  const examples = await collect(advisor);
  const cv = crossValidated(examples, FEATURE_NAMES, L2);
  const threshold = bestThreshold(examples, cv);
  const cvRates = rates(examples, cv, threshold);
  const model = fitLogistic(examples, FEATURE_NAMES, L2, {
    by: 'scripts/quality/fit-answerability.ts',
    files: TRAINING_FILES,
    examples: examples.length,
    answerable: examples.filter((e) => e.y === 1).length,
    l2: L2,
    cross_validated: { auc: Number(auc(examples, cv).toFixed(3)), false_abstention: Number(cvRates.falseAbstention.toFixed(3)), out_of_scope_abstention: Number(cvRates.oosAbstention.toFixed(3)) },
  });
  const sweep = Object.fromEntries([0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7].map((t) => [t, rates(examples, cv, t)]));
  process.stderr.write(`cross-validated sweep: ${JSON.stringify(sweep)}\n`);
  const out = { ...model, threshold };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  if (!values['dry-run']) process.stderr.write(`written to ${saveModel(advisor.retriever.embedder.id, 'answerability', out)}\n`);
}

await main();
