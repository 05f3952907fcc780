import { randomUUID } from 'node:crypto';
import type { CareerAdvisor } from '../core/index.js';
import { formatHeadingPath } from '../ingest/index.js';
import { isConversation, isInScope, isOutOfScope, type EvalItem } from './dataset.js';
import { firstHitRank, hasFact, mean, sectionMatches } from './metrics.js';

export interface EvalReport {
  counts: { in_scope: number; out_of_scope: number; conversations: number; follow_up_turns: number };
  hit_at_1: number;
  hit_at_3: number;
  mrr_at_5: number;
  citation_precision: number;
  fact_recall: number;
  out_of_scope_abstention: number;
  false_abstention: number;
  follow_up_fact_recall: number;
  /** Share of in-scope rows carrying `source` whose first citation comes from that guide (only when rows carry it). */
  right_guide_first?: number;
  failures: Array<{ id: string; problem: string; answer: string }>;
}

/** Runs an eval set through the advisor exactly as users reach it (`askWithRetrieval`). */
export async function runEval(advisor: CareerAdvisor, items: readonly EvalItem[]): Promise<EvalReport> {
  const hits1: number[] = [];
  const hits3: number[] = [];
  const rr: number[] = [];
  const precision: number[] = [];
  const facts: number[] = [];
  const oos: number[] = [];
  const falseAbstain: number[] = [];
  const followFacts: number[] = [];
  const rightGuide: number[] = [];
  const failures: EvalReport['failures'] = [];
  let followTurns = 0;

  for (const item of items) {
    if (isOutOfScope(item)) {
      const { answer } = await advisor.askWithRetrieval(item.question);
      oos.push(answer.abstained ? 1 : 0);
      if (!answer.abstained) failures.push({ id: item.id, problem: 'answered an out-of-scope question', answer: answer.answer });
    } else if (isInScope(item)) {
      const { answer, retrieval } = await advisor.askWithRetrieval(item.question);
      const ranked = (retrieval?.sections ?? []).map((s) => formatHeadingPath(s.entry.section.headingPath));
      const rank = firstHitRank(ranked, item.sections, 5);
      hits1.push(rank === 1 ? 1 : 0);
      hits3.push(rank !== undefined && rank <= 3 ? 1 : 0);
      rr.push(rank ? 1 / rank : 0);
      falseAbstain.push(answer.abstained ? 1 : 0);
      if (!answer.abstained && answer.citations.length > 0) {
        precision.push(mean(answer.citations.map((c) => (sectionMatches(c.section, item.sections) ? 1 : 0))));
      }
      const found = item.facts.map((f) => (hasFact(answer.answer, f) ? 1 : 0));
      facts.push(...found);
      if (item.source !== undefined) {
        // The first citation (or, for a partial answer, the first related line) must come from the guide the row names.
        const first = answer.citations[0] ?? answer.related?.[0];
        rightGuide.push(first?.source === item.source ? 1 : 0);
        if (first?.source !== item.source) failures.push({ id: item.id, problem: `cited ${first?.source ?? 'nothing'} first, not ${item.source}`, answer: answer.answer });
      }
      if (rank === undefined || rank > 3) failures.push({ id: item.id, problem: `expected section not in top 3 (got ${ranked.slice(0, 3).join(' | ')})`, answer: answer.answer });
      if (found.includes(0) || answer.abstained) failures.push({ id: item.id, problem: answer.abstained ? 'abstained' : 'missing fact', answer: answer.answer });
    } else if (isConversation(item)) {
      const conversationId = `eval-${item.id}-${randomUUID()}`;
      for (const [i, turn] of item.turns.entries()) {
        const answer = await advisor.ask(turn.question, { conversationId });
        const found = turn.facts.map((f) => (hasFact(answer.answer, f) ? 1 : 0));
        followFacts.push(...found);
        if (i > 0) followTurns++;
        if (found.includes(0)) failures.push({ id: `${item.id}#${i + 1}`, problem: 'missing fact in conversation', answer: answer.answer });
      }
    }
  }
  return {
    counts: { in_scope: hits1.length, out_of_scope: oos.length, conversations: items.filter(isConversation).length, follow_up_turns: followTurns },
    hit_at_1: mean(hits1),
    hit_at_3: mean(hits3),
    mrr_at_5: mean(rr),
    citation_precision: mean(precision),
    fact_recall: mean(facts),
    out_of_scope_abstention: mean(oos),
    false_abstention: mean(falseAbstain),
    follow_up_fact_recall: mean(followFacts),
    ...(rightGuide.length > 0 ? { right_guide_first: mean(rightGuide) } : {}),
    failures,
  };
}
