import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(ROOT, 'docs');
const PAGES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const heading = !fence && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) out.add(heading[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

/** Relative Markdown links outside code: [text](target), without URLs and mail links. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
}

describe('documentation', () => {
  it.each(PAGES)('every relative link in %s resolves (file and heading)', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    for (const link of relativeLinks(text)) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path ? resolve(dirname(join(ROOT, page)), path) : join(ROOT, page);
      expect(existsSync(target), `${page}: ${link} points nowhere`).toBe(true);
      if (anchor && target.endsWith('.md')) expect(anchors(readFileSync(target, 'utf8')).has(anchor), `${page}: no heading #${anchor} in ${path || page}`).toBe(true);
    }
  });

  it('the README links every page in docs/ and stays a five-minute read (≤ 250 lines)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const page of readdirSync(DOCS).filter((f) => f.endsWith('.md'))) expect(readme, `docs/${page} is not linked from the README`).toContain(`](docs/${page})`);
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
  });
});
