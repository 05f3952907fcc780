import { tagTerms } from '../../src/privacy/detect-names-nlp.js';
import { Vocabulary, knownWordsOf } from '../../src/privacy/index.js';
import { readFileSync } from 'node:fs';
const v = new Vocabulary(knownWordsOf([readFileSync('knowledge/clinical-coding-specialist-guide.md','utf8')]));
for (const t of process.argv.slice(2)) {
  console.log('>>', t);
  for (const term of tagTerms(t)) console.log('  ', term.text.padEnd(14), [...term.tags].join(','), 'fam=' + v.isFamiliar(term.text), 'dict=' + v.isDictionaryWord(term.text), 'person=' + v.isPersonName(term.text), 'known=' + v.isKnown(term.text));
}
