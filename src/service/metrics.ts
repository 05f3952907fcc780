import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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

/** Creates a fresh registry (one per service, so tests never share counters). */
export function createMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const opts = { registers: [registry] };
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
