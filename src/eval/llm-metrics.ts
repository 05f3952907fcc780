import type { LlmLogger } from '../llm/index.js';

/** What `eval --llm` adds: how generated answers fared against verification, their cost and speed. */
export interface LlmEvalReport {
  /** Answers that went to the model (questions with guide excerpts). */
  answers: number;
  /** Shares of `answers` (they add up to 1). */
  passed_first_time: number;
  passed_after_repair: number;
  fell_back: number;
  /** Why answers fell back: `unverified` (checks failed after the repair) or a fault kind (`timeout`, `circuit_open`, …). */
  fallback_reasons: Record<string, number>;
  /** Answers where the model itself abstained (counted as passed). */
  model_abstained: number;
  /** Mean tokens per model answer, repairs and retries included, plus the follow-up rewrites. */
  tokens_per_answer: { input: number; output: number; total: number };
  /** Follow-up rewriting by the model. */
  rewrites: { asked: number; rewritten: number; unchanged: number; fell_back: number };
}

/** Collects the writer's and the rewriter's log records during an eval run. */
export class LlmEvalRecorder implements LlmLogger {
  readonly answers: Array<Record<string, unknown>> = [];
  readonly rewrites: Array<Record<string, unknown>> = [];

  info(obj: Record<string, unknown>): void {
    if (obj.event === 'llm_answer') this.answers.push(obj);
    if (obj.event === 'llm_rewrite') this.rewrites.push(obj);
  }

  warn(): void {}

  /** Forgets the records (between eval files). */
  clear(): void {
    this.answers.length = 0;
    this.rewrites.length = 0;
  }
}

/** Summarises the records of one eval run. */
export function summarizeLlmRun(recorder: LlmEvalRecorder): LlmEvalReport {
  const answers = recorder.answers;
  const count = answers.length;
  const share = (n: number) => (count === 0 ? 0 : n / count);
  const passed = answers.filter((a) => a.outcome === 'generated' || a.outcome === 'abstained');
  const fellBack = answers.filter((a) => !passed.includes(a));
  const reasons: Record<string, number> = {};
  for (const a of fellBack) {
    const reason = a.outcome === 'fallback_unverified' ? 'unverified' : String(a.fault ?? 'unknown');
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  const sum = (records: Array<Record<string, unknown>>, key: string) => records.reduce((total, r) => total + (typeof r[key] === 'number' ? r[key] : 0), 0);
  const perAnswer = (key: string) => (count === 0 ? 0 : (sum(answers, key) + sum(recorder.rewrites, key)) / count);
  const rewrites = recorder.rewrites;
  return {
    answers: count,
    passed_first_time: share(passed.filter((a) => a.repairs === 0).length),
    passed_after_repair: share(passed.filter((a) => Number(a.repairs) > 0).length),
    fell_back: share(fellBack.length),
    fallback_reasons: reasons,
    model_abstained: answers.filter((a) => a.outcome === 'abstained').length,
    tokens_per_answer: { input: perAnswer('input_tokens'), output: perAnswer('output_tokens'), total: perAnswer('total_tokens') },
    rewrites: {
      asked: rewrites.length,
      rewritten: rewrites.filter((r) => r.outcome === 'rewritten').length,
      unchanged: rewrites.filter((r) => r.outcome === 'unchanged').length,
      fell_back: rewrites.filter((r) => r.outcome === 'fallback').length,
    },
  };
}

/** The `p`-th percentile (0–100) of `values`, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
