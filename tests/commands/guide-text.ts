import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Citation } from '../../src/answer/index.js';

/** The real guide, read and split by headings here, independently of the ingest code. */
export const GUIDE_FILE = 'clinical-coding-specialist-guide.md';
export const GUIDE = readFileSync(fileURLToPath(new URL(`../../knowledge/${GUIDE_FILE}`, import.meta.url)), 'utf8');

/** Raw text of every section by its heading path ("A › B"), headings included, bodies of subsections excluded. */
export function guideSections(text = GUIDE): Map<string, string> {
  const sections = new Map<string, string>();
  let top = '';
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const h2 = /^##\s+(.+?)\s*$/.exec(line);
    const h3 = /^###\s+(.+?)\s*$/.exec(line);
    if (h2 && !line.startsWith('###')) {
      top = h2[1]!;
      current = top;
    } else if (h3) {
      current = `${top} › ${h3[1]!}`;
    }
    if (current) sections.set(current, `${sections.get(current) ?? ''}${line}\n`);
  }
  return sections;
}

const SECTIONS = guideSections();

/** Asserts a citation names a real section and every line of its quote is in that section's text. */
export function expectCitationInGuide(citation: Citation | { section: string; quote: string }): void {
  const body = SECTIONS.get(citation.section);
  expect(body, `section “${citation.section}” exists in the guide`).toBeDefined();
  for (const line of citation.quote.split('\n')) expect(body, `quote “${line}” is in “${citation.section}”`).toContain(line);
}

/** The bullets of one section, raw ("- " removed). */
export function sectionBullets(path: string): string[] {
  return (SECTIONS.get(path) ?? '')
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim());
}
