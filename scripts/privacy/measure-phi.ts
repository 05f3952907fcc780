// Measures the patient-data guard on a labelled corpus (JSONL lines of
// {id, text, spans: [{text, kind}]}): per-kind precision and recall of the
// detectors, and what reaches the store in `minimized` (and `redacted`) mode.
//
//   npm run privacy:measure -- tests/fixtures/phi-corpus.jsonl [--mistakes] [--json]
//
// The guides' vocabulary comes from KNOWLEDGE_DIR (default: knowledge/), as it does when the bot runs.
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/index.js';
import { guideWords, listKnowledgeFiles, parseKnowledgeFile } from '../../src/ingest/index.js';
import {
  evaluatePhiDetection,
  formatPhiEvaluation,
  formatStoredTextMeasure,
  measureStoredText,
  minimizePhi,
  parsePhiCorpus,
  redactPhi,
  Vocabulary,
} from '../../src/privacy/index.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: measure-phi FILE.jsonl [--mistakes] [--json]\n');
  process.exit(2);
}
if (!existsSync(file)) {
  // eval/privacy/holdout.jsonl is absent until the coordinator adds the next blind set.
  process.stderr.write(`measure-phi: ${file}: no such file\n`);
  process.exit(2);
}
const cases = parsePhiCorpus(readFileSync(file, 'utf8'));
const config = loadConfig();
const vocabulary = new Vocabulary(new Set(guideWords(listKnowledgeFiles(config.knowledgeDir).map(parseKnowledgeFile))));
const options = { vocabulary };
const mistakes = args.includes('--mistakes');

const detection = evaluatePhiDetection(cases, (text) => redactPhi(text, options).findings);
const minimized = measureStoredText(cases, (text) => minimizePhi(text, options).text, vocabulary);
const redacted = measureStoredText(cases, (text) => redactPhi(text, options).text, vocabulary);

if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ file, detection, stored: { minimized, redacted } }, null, 2)}\n`);
} else {
  process.stdout.write(`${file}\n${formatPhiEvaluation(detection)}\n\n${formatStoredTextMeasure(minimized, 'minimized', mistakes)}\n${formatStoredTextMeasure(redacted, 'redacted', mistakes)}\n`);
  if (mistakes) {
    for (const m of detection.mistakes) process.stdout.write(`  ${m.type.padEnd(14)} ${m.caseId.padEnd(10)} ${m.kind.padEnd(18)} ${m.excerpt}\n`);
    for (const l of minimized.leaks) process.stdout.write(`  stored-leak    ${l.caseId.padEnd(10)} ${l.kind.padEnd(18)} ${l.piece}\n`);
  }
}
