import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { BreakerStatus, CircuitState } from '../llm/index.js';

/** Prometheus metrics of the answering service, labelled by platform. */
export interface ServiceMetrics {
  registry: Registry;
  answers: Counter<'platform' | 'kind'>;
  abstentions: Counter<'platform'>;
  errors: Counter<'platform'>;
  rateLimited: Counter<'platform'>;
  busy: Counter<'platform'>;
  phiRedacted: Counter<'platform'>;
  latency: Histogram<'platform'>;
}

export interface MetricSources {
  /** The language model's circuit breaker, read at every scrape (undefined without a model). */
  llmBreaker?: () => BreakerStatus | undefined;
}

const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'open', 'half_open'];

/** Creates a fresh registry (one per service, so tests never share counters). */
export function createMetrics(sources: MetricSources = {}): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const opts = { registers: [registry] };
  if (sources.llmBreaker) registerBreakerGauges(registry, sources.llmBreaker);
  return {
    registry,
    answers: new Counter({ name: 'career_advisor_answers_total', help: 'Requests answered, by platform and result kind', labelNames: ['platform', 'kind'], ...opts }),
    abstentions: new Counter({ name: 'career_advisor_abstentions_total', help: 'Questions the guide does not cover', labelNames: ['platform'], ...opts }),
    errors: new Counter({ name: 'career_advisor_errors_total', help: 'Requests that failed inside the bot', labelNames: ['platform'], ...opts }),
    rateLimited: new Counter({ name: 'career_advisor_rate_limited_total', help: 'Requests refused by a rate limit', labelNames: ['platform'], ...opts }),
    busy: new Counter({ name: 'career_advisor_busy_total', help: 'Requests refused because the answer queue was full', labelNames: ['platform'], ...opts }),
    phiRedacted: new Counter({ name: 'career_advisor_phi_redacted_total', help: 'Questions in which patient data was found and redacted', labelNames: ['platform'], ...opts }),
    latency: new Histogram({
      name: 'career_advisor_answer_seconds',
      help: 'Time to answer, by platform',
      labelNames: ['platform'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      ...opts,
    }),
  };
}

/** 1 for the breaker's current state and 0 for the others, plus how often it has opened. */
function registerBreakerGauges(registry: Registry, status: () => BreakerStatus | undefined): void {
  new Gauge({
    name: 'career_advisor_llm_circuit_state',
    help: 'Language model circuit breaker: 1 for the current state (closed, open, half_open)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const current = status()?.state;
      for (const state of CIRCUIT_STATES) this.set({ state }, state === current ? 1 : 0);
    },
  });
  new Gauge({
    name: 'career_advisor_llm_circuit_opens',
    help: 'Times the language model circuit breaker has opened since start',
    registers: [registry],
    collect() {
      this.set(status()?.opened_total ?? 0);
    },
  });
}
