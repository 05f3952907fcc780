import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { CareerAdvisorError } from '../errors.js';
import { sha256 } from '../text/hash.js';
import { parseMarkdown } from './markdown-loader.js';
import { parsePlainText } from './text-loader.js';
import type { KnowledgeDocument } from './types.js';

const LOADERS: Record<string, (text: string, source: string) => KnowledgeDocument> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.txt': parsePlainText,
};

export interface KnowledgeFile {
  /** Path relative to the knowledge directory, used as the citation source. */
  source: string;
  path: string;
  hash: string;
  text: string;
}

/** Lists the guide files (`.md`, `.markdown`, `.txt`) under a directory, sorted, with content hashes. */
export function listKnowledgeFiles(dir: string): KnowledgeFile[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch (cause) {
    throw new CareerAdvisorError('KNOWLEDGE_EMPTY', `Cannot read the knowledge directory ${dir}.`, 'Set KNOWLEDGE_DIR to a folder of .md or .txt guides.', { cause });
  }
  const files = names
    .map((name) => join(dir, name))
    .filter((path) => extname(path).toLowerCase() in LOADERS && statSync(path).isFile())
    .sort()
    .map((path) => {
      const text = readFileSync(path, 'utf8');
      return { source: relative(dir, path).split('\\').join('/'), path, hash: sha256(text), text };
    });
  if (files.length === 0) {
    throw new CareerAdvisorError('KNOWLEDGE_EMPTY', `No guides (.md or .txt) found in ${dir}.`, 'Add a guide to the knowledge directory, then run `career-advisor ingest`.');
  }
  return files;
}

/** Parses a knowledge file with the loader for its extension. */
export function parseKnowledgeFile(file: Pick<KnowledgeFile, 'source' | 'text'>): KnowledgeDocument {
  const loader = LOADERS[extname(file.source).toLowerCase()] ?? parsePlainText;
  return loader(file.text, file.source);
}
