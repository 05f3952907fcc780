import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { guideWords, parseKnowledgeFile } from '../../src/ingest/index.js';
import { Vocabulary } from '../../src/privacy/index.js';

/** The privacy vocabulary check over the guides at `paths`, listed by `guideWords` as the running bot lists them. */
export function guideVocabulary(...paths: URL[]): Vocabulary {
  const documents = paths.map((path) => parseKnowledgeFile({ source: basename(path.pathname), text: readFileSync(path, 'utf8') }));
  return new Vocabulary(new Set(guideWords(documents)));
}
