export { AdvisorService } from './advisor-service.js';
export type { AdvisorServiceOptions } from './advisor-service.js';
export { createMetrics } from './metrics.js';
export type { ServiceMetrics } from './metrics.js';
export { createLogger } from './logger.js';
export { startHealthServer } from './health-server.js';
export type { HealthReport, HealthServer } from './health-server.js';
export { storeFeedbackSink } from './store-feedback-sink.js';
export { BotRuntime } from './bot-runtime.js';
