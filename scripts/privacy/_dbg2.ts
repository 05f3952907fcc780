import { redactPhi, minimizePhi, Vocabulary, knownWordsOf } from '../../src/privacy/index.js';
import { readFileSync } from 'node:fs';
const vocabulary = new Vocabulary(knownWordsOf([readFileSync('knowledge/clinical-coding-specialist-guide.md','utf8')]));
for (const t of process.argv.slice(2)) { const m = minimizePhi(t, { vocabulary }); console.log('>>', t, '\n   R:', m.redacted, '\n   M:', m.text); }
