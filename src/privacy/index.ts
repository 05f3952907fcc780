export { PHI_KINDS, type PhiFinding, type PhiKind } from './phi-types.js';
export { detectPhi } from './detect-phi.js';
export { redactPhi, phiPlaceholder, PHI_PLACEHOLDER_PATTERN, type RedactionResult } from './redact-phi.js';
export { phiReminder } from './phi-reminder.js';
export {
  parsePhiCorpus,
  evaluatePhiDetection,
  formatPhiEvaluation,
  type PhiCorpusCase,
  type PhiEvaluation,
  type PhiMistake,
  type PhiScore,
} from './phi-metrics.js';
export { PhiCorpusError } from '../errors.js';
