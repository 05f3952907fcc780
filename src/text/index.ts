export { wordTokens, isStopWord, stem, contentTerms } from './tokenize.js';
export { synonymsOf } from './synonyms.js';
export { sha256 } from './hash.js';
export { CHAT_SHORTHAND_WORDS, expandShorthand } from './chat-shorthand.js';
export { plainApostrophes } from './apostrophes.js';
export { editDistance } from './edit-distance.js';
export { questionLengthProblem } from './question-length.js';
export { isConfirmation, isDecline } from './confirmation.js';
export { escapeRegExp } from './escape-regexp.js';
