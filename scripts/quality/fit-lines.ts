/**
 * Refits the line model (src/quality/line-model.json): which candidate line of the top sections
 * states the answer. A line is a positive when it contains one of the question's facts (the eval
 * rule) and, where the question names its sections, sits in one of them.
 *
 *   npm run fit:lines [-- --dry-run]
 *
 * Reported: how often the model's first line holds a fact, in-sample and 5-fold cross-validated
 * by question, against round 1's rule (the line score with a top-section prior).
 */
import { parseArgs } from 'node:util';
import type { CareerAdvisor } from '../../src/core/index.js';
import { candidateUnits, LINE_FEATURES, lineFeatures } from '../../src/retrieval/index.js';
import { hasFact, readEvalFile, sectionMatches, isConversation, isInScope } from '../../src/eval/index.js';
import { formatHeadingPath } from '../../src/ingest/index.js';
import { crossValidated, fitLogistic, probability, type Example } from './logistic.js';
import { openTrainingAdvisor, saveModel, TRAINING_FILES } from './training-data.js';

const L2 = 1;

type Fact = string | string[];

async function collect(advisor: CareerAdvisor): Promise<Example[]> {
  const examples: Example[] = [];
  const add = async (id: string, question: string, facts: Fact[], sections: string[] | undefined, conversationId?: string) => {
    const { retrieval } = await advisor.askWithRetrieval(question, conversationId ? { conversationId } : {});
    if (!retrieval || facts.length === 0) return;
    for (const c of candidateUnits(retrieval.sections)) {
      const inSection = !sections || sectionMatches(formatHeadingPath(c.section.entry.section.headingPath), sections);
      const y = inSection && facts.some((f) => hasFact(c.unit.unit.text, f)) ? 1 : 0;
      const features = lineFeatures(retrieval.query, c);
      examples.push({ group: id, y, x: LINE_FEATURES.map((f) => features[f]!) });
    }
  };
  for (const file of TRAINING_FILES) {
    for (const item of readEvalFile(file)) {
      if (isConversation(item)) for (const [i, turn] of item.turns.entries()) await add(`${item.id}#${i + 1}`, turn.question, turn.facts, undefined, `fit-${item.id}`);
      else if (isInScope(item)) await add(item.id, item.question, item.facts, item.sections);
    }
  }
  return examples;
}

/** Share of questions (with any positive line) whose top-scored line is a positive. */
function leadHit(examples: Example[], scores: number[]): number {
  const best = new Map<string, { s: number; y: number }>();
  const answerable = new Set(examples.filter((e) => e.y === 1).map((e) => e.group));
  examples.forEach((e, i) => {
    const b = best.get(e.group);
    if (!b || scores[i]! > b.s) best.set(e.group, { s: scores[i]!, y: e.y });
  });
  const hits = [...answerable].filter((g) => best.get(g)?.y === 1).length;
  return Number((hits / (answerable.size || 1)).toFixed(3));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, embedder: { type: 'string' } } });
  const advisor = await openTrainingAdvisor();
  const examples = await collect(advisor);
  const cv = crossValidated(examples, LINE_FEATURES, L2);
  const model = fitLogistic(examples, LINE_FEATURES, L2);
  const round1 = examples.map((e) => e.x[LINE_FEATURES.indexOf('line_score')]! + 0.15 * e.x[LINE_FEATURES.indexOf('top_section')]! - 5 * e.x[LINE_FEATURES.indexOf('intro')]!);
  model.fitted = {
    by: 'scripts/quality/fit-lines.ts',
    files: TRAINING_FILES,
    questions: new Set(examples.map((e) => e.group)).size,
    rows: examples.length,
    l2: L2,
    lead_holds_fact: { round1_rule: leadHit(examples, round1), in_sample: leadHit(examples, examples.map((e) => probability(model, e.x))), cross_validated: leadHit(examples, cv) },
  };
  process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
  if (!values['dry-run']) process.stderr.write(`written to ${saveModel(advisor.retriever.embedder.id, 'lines', model)}\n`);
}

await main();
