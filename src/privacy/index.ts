export { PHI_KINDS, type PhiFinding, type PhiKind } from './phi-types.js';
export { detectPhi, type PhiDetectionOptions } from './detect-phi.js';
export { redactPhi, phiPlaceholder, PHI_PLACEHOLDER_PATTERN, type RedactionResult } from './redact-phi.js';
export { minimizePhi, maskLeftovers, type MinimizedText } from './minimize.js';
export { guardQuestion, type GuardedQuestion, type StoredQuestionText } from './guard-question.js';
export { Vocabulary, type KnownWords } from './vocabulary.js';
export { phiReminder } from './phi-reminder.js';
export {
  parsePhiCorpus,
  evaluatePhiDetection,
  formatPhiEvaluation,
  goldSpans,
  type PhiCorpusCase,
  type PhiEvaluation,
  type PhiMistake,
  type PhiScore,
} from './phi-metrics.js';
export { measureStoredText, formatStoredTextMeasure, type StoredTextMeasure } from './stored-text-measure.js';
export { PhiCorpusError } from '../errors.js';
