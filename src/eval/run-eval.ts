import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/index.js';
import type { CareerAdvisor } from '../core/index.js';
import { formatHeadingPath } from '../ingest/index.js';
import { isConversation, isInScope, isOutOfScope, type ConversationItem, type EvalItem, type InScopeItem, type OutOfScopeItem } from './dataset.js';
import { percentile, type LlmEvalReport } from './llm-metrics.js';
import { firstHitRank, hasFact, mean, sectionMatches } from './metrics.js';

export interface EvalReport {
  counts: { in_scope: number; out_of_scope: number; conversations: number; follow_up_turns: number };
  hit_at_1: number;
  hit_at_3: number;
  mrr_at_5: number;
  citation_precision: number;
  /** In-scope questions whose answer cites a right section at all, and first (abstentions count as misses). */
  cited_section_hit: number;
  first_citation_hit: number;
  fact_recall: number;
  out_of_scope_abstention: number;
  false_abstention: number;
  follow_up_fact_recall: number;
  /** Answer-side metrics per question style (plain, colloquial, scenario; near, far), when rows carry `style`. */
  by_style: Record<string, { questions: number; fact_recall?: number; false_abstention?: number; out_of_scope_abstention?: number }>;
  /** Time to answer each question of the run, as users wait for it (retrieval, rewriting, writing). */
  latency_ms: { p50: number; p95: number };
  /** With `eval --llm`: verification outcomes, tokens and rewrites of the generated answers. */
  llm?: LlmEvalReport;
  /** Share of in-scope rows carrying `source` whose first citation comes from that guide (only when rows carry it). */
  right_guide_first?: number;
  failures: Array<{ id: string; problem: string; answer: string }>;
}

/** One scored question, kept so that metrics can be recomputed at other answer thresholds (`sweep`). */
interface Scored {
  kind: 'in' | 'out' | 'turn';
  style?: string;
  probability: number;
  abstained: boolean;
  facts: number[];
}

/** Runs an eval set through the advisor exactly as users reach it (`askWithRetrieval`). */
export async function runEval(advisor: CareerAdvisor, items: readonly EvalItem[]): Promise<EvalReport> {
  return (await scoreItems(advisor, items)).report;
}

/** Everything measured over a run, per question, before it is averaged into the report. */
interface Tally {
  hits1: number[];
  hits3: number[];
  rr: number[];
  precision: number[];
  citedAny: number[];
  citedFirst: number[];
  scored: Scored[];
  rightGuide: number[];
  failures: EvalReport['failures'];
  latencies: number[];
}

type Ask = CareerAdvisor['askWithRetrieval'];

async function scoreItems(advisor: CareerAdvisor, items: readonly EvalItem[], answerThreshold?: number): Promise<{ report: EvalReport; scored: Scored[] }> {
  const tally: Tally = { hits1: [], hits3: [], rr: [], precision: [], citedAny: [], citedFirst: [], scored: [], rightGuide: [], failures: [], latencies: [] };
  // Every question goes through the advisor as users reach it; its latency is recorded on the way.
  const ask = async (question: string, conversationId?: string) => {
    const result = await advisor.askWithRetrieval(question, { ...(conversationId ? { conversationId } : {}), ...(answerThreshold === undefined ? {} : { answerThreshold }) });
    tally.latencies.push(result.answer.timings.total_ms);
    return result;
  };
  for (const item of items) {
    if (isOutOfScope(item)) await scoreOutOfScope(item, ask, tally);
    else if (isInScope(item)) await scoreInScope(item, ask, tally);
    else if (isConversation(item)) await scoreConversation(item, ask, tally);
  }
  return { report: summarize(items, tally), scored: tally.scored };
}

/** An out-of-scope question should be declined. */
async function scoreOutOfScope(item: OutOfScopeItem, ask: (question: string) => ReturnType<Ask>, tally: Tally): Promise<void> {
  const { answer, decision } = await ask(item.question);
  tally.scored.push({ kind: 'out', style: item.style, probability: decision?.probability ?? 0, abstained: answer.abstained, facts: [] });
  if (!answer.abstained) tally.failures.push({ id: item.id, problem: 'answered an out-of-scope question', answer: answer.answer });
}

/** An in-scope question: retrieval rank of the expected section, citations, facts, and the guide cited first. */
async function scoreInScope(item: InScopeItem, ask: (question: string) => ReturnType<Ask>, tally: Tally): Promise<void> {
  const { answer, retrieval, decision } = await ask(item.question);
  const ranked = (retrieval?.sections ?? []).map((s) => formatHeadingPath(s.entry.section.headingPath));
  const rank = firstHitRank(ranked, item.sections, 5);
  tally.hits1.push(rank === 1 ? 1 : 0);
  tally.hits3.push(rank !== undefined && rank <= 3 ? 1 : 0);
  tally.rr.push(rank ? 1 / rank : 0);
  scoreCitations(answer, item, tally);
  const found = item.facts.map((f) => (hasFact(answer.answer, f) ? 1 : 0));
  tally.scored.push({ kind: 'in', style: item.style, probability: decision?.probability ?? 0, abstained: answer.abstained, facts: found });
  if (item.source !== undefined) scoreGuideFirst(answer, item, tally);
  if (rank === undefined || rank > 3) tally.failures.push({ id: item.id, problem: `expected section not in top 3 (got ${ranked.slice(0, 3).join(' | ')})`, answer: answer.answer });
  if (found.includes(0) || answer.abstained) tally.failures.push({ id: item.id, problem: answer.abstained ? 'abstained' : 'missing fact', answer: answer.answer });
}

/** The first citation (or, for a partial answer, the first related line) must come from the guide the row names. */
function scoreGuideFirst(answer: Answer, item: InScopeItem, tally: Tally): void {
  const first = answer.citations[0] ?? answer.related?.[0];
  tally.rightGuide.push(first?.source === item.source ? 1 : 0);
  if (first?.source !== item.source) tally.failures.push({ id: item.id, problem: `cited ${first?.source ?? 'nothing'} first, not ${item.source}`, answer: answer.answer });
}

/** A conversation: each turn asked in one fresh conversation, its facts checked. */
async function scoreConversation(item: ConversationItem, ask: (question: string, conversationId: string) => ReturnType<Ask>, tally: Tally): Promise<void> {
  const conversationId = `eval-${item.id}-${randomUUID()}`;
  for (const [i, turn] of item.turns.entries()) {
    const { answer, decision } = await ask(turn.question, conversationId);
    const found = turn.facts.map((f) => (hasFact(answer.answer, f) ? 1 : 0));
    tally.scored.push({ kind: 'turn', style: item.style, probability: decision?.probability ?? 0, abstained: answer.abstained, facts: found });
    if (found.includes(0)) tally.failures.push({ id: `${item.id}#${i + 1}`, problem: 'missing fact in conversation', answer: answer.answer });
  }
}

/** Averages the tally into the report. */
function summarize(items: readonly EvalItem[], tally: Tally): EvalReport {
  const { scored, latencies, rightGuide } = tally;
  return {
    counts: {
      in_scope: tally.hits1.length,
      out_of_scope: scored.filter((s) => s.kind === 'out').length,
      conversations: items.filter(isConversation).length,
      follow_up_turns: items.filter(isConversation).reduce((n, c) => n + Math.max(0, c.turns.length - 1), 0),
    },
    hit_at_1: mean(tally.hits1),
    hit_at_3: mean(tally.hits3),
    mrr_at_5: mean(tally.rr),
    citation_precision: mean(tally.precision),
    cited_section_hit: mean(tally.citedAny),
    first_citation_hit: mean(tally.citedFirst),
    ...answerMetrics(scored, (s) => s.abstained),
    by_style: byStyle(scored),
    latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    ...(rightGuide.length > 0 ? { right_guide_first: mean(rightGuide) } : {}),
    failures: tally.failures,
  };
}

function scoreCitations(answer: Answer, item: InScopeItem, into: { precision: number[]; citedAny: number[]; citedFirst: number[] }): void {
  const right = answer.abstained ? [] : answer.citations.map((c) => sectionMatches(c.section, item.sections));
  if (!answer.abstained && right.length > 0) into.precision.push(mean(right.map(Number)));
  into.citedAny.push(right.some(Boolean) ? 1 : 0);
  into.citedFirst.push(right[0] ? 1 : 0);
}

/** Fact recall, abstention rates and follow-up recall, given which questions count as abstained. */
function answerMetrics(scored: Scored[], abstained: (s: Scored) => boolean): Pick<EvalReport, 'fact_recall' | 'false_abstention' | 'out_of_scope_abstention' | 'follow_up_fact_recall'> {
  const facts = (s: Scored) => (abstained(s) && !s.abstained ? s.facts.map(() => 0) : s.facts);
  return {
    fact_recall: mean(scored.filter((s) => s.kind === 'in').flatMap(facts)),
    false_abstention: mean(scored.filter((s) => s.kind === 'in').map((s) => (abstained(s) ? 1 : 0))),
    out_of_scope_abstention: mean(scored.filter((s) => s.kind === 'out').map((s) => (abstained(s) ? 1 : 0))),
    follow_up_fact_recall: mean(scored.filter((s) => s.kind === 'turn').flatMap(facts)),
  };
}

function byStyle(scored: Scored[]): EvalReport['by_style'] {
  const styles = [...new Set(scored.filter((s) => s.kind !== 'turn' && s.style).map((s) => s.style!))].sort();
  return Object.fromEntries(
    styles.map((style) => {
      const rows = scored.filter((s) => s.kind !== 'turn' && s.style === style);
      const inScope = rows.filter((s) => s.kind === 'in');
      const out = rows.filter((s) => s.kind === 'out');
      return [
        style,
        {
          questions: rows.length,
          ...(inScope.length ? { fact_recall: mean(inScope.flatMap((s) => (s.abstained ? s.facts.map(() => 0) : s.facts))), false_abstention: mean(inScope.map((s) => (s.abstained ? 1 : 0))) } : {}),
          ...(out.length ? { out_of_scope_abstention: mean(out.map((s) => (s.abstained ? 1 : 0))) } : {}),
        },
      ];
    }),
  );
}

export interface SweepRow {
  threshold: number;
  fact_recall: number;
  false_abstention: number;
  out_of_scope_abstention: number;
  follow_up_fact_recall: number;
}

/**
 * How the answer metrics move with the answerability threshold: every question is answered once
 * (threshold 0), then each threshold abstains where the probability falls below it. Facts of an
 * abstained question count as missed (a partial answer may still show them; the eval does not
 * credit that here).
 */
export async function sweepThresholds(advisor: CareerAdvisor, items: readonly EvalItem[], thresholds = Array.from({ length: 19 }, (_, i) => (i + 1) / 20)): Promise<SweepRow[]> {
  const { scored } = await scoreItems(advisor, items, 0);
  return thresholds.map((threshold) => ({ threshold, ...answerMetrics(scored, (s) => s.probability < threshold) }));
}
