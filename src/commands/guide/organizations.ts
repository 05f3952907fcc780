import type { KnowledgeIndex } from '../../index/index.js';
import { acronymPattern } from './text-match.js';
import { allLines } from './guide-lines.js';

/** A body that awards credentials or publishes guidelines, as the guide names it. */
export interface Organization {
  /** Full name, e.g. "National Board of Examiners". */
  name: string;
  acronym?: string;
  /** How cards show it: the acronym when the guide gives one, else the name. */
  display: string;
}

const ORG_WORD = /\b(?:Association|Academy|Institute|Council|Society|Federation|Board|Organization|Commission|Alliance)\b/;
const ORG_NOUN = '(?:Association|Academy|Institute|Council|Society|Federation|Board|Organization|Commission|Alliance)';
// "National Federation of Paralegal Associations": the name may go on with "of" and capitalised words.
const ORG_PHRASE = new RegExp(`\\b((?:[A-Z][a-z]+\\s+){1,5}${ORG_NOUN}s?(?:\\s+of\\s+(?:the\\s+)?[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,3})?)\\b`, 'g');
// "NALA (the Paralegal Association)": an acronym the guide glosses with what the body is, not with its initials.
const ACRONYM_GLOSSED = new RegExp(`\\b([A-Z]{2,8})\\s+\\((?:the\\s+)?((?:[A-Z][a-z]+\\s+){0,4}${ORG_NOUN})\\)`, 'g');

const cache = new WeakMap<object, Organization[]>();

/**
 * Organisations named in the guide: glossary expansions whose name reads like an organisation
 * ("National Board of Examiners (NBE)"), acronyms glossed with what the body is ("NALA (the
 * Paralegal Association)"), plus capitalised names ending in
 * Association, Academy, … ("National Healthcare Association") that have no acronym.
 */
export function findOrganizations(index: Pick<KnowledgeIndex, 'documents' | 'glossary'>): Organization[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const orgs: Organization[] = [];
  for (const entry of index.glossary) {
    if (entry.kind === 'expansion' && entry.acronym && ORG_WORD.test(entry.term) && !orgs.some((o) => o.acronym === entry.acronym)) {
      orgs.push({ name: entry.term, acronym: entry.acronym, display: entry.acronym });
    }
  }
  for (const line of allLines(index)) {
    for (const [, acronym, name] of line.text.matchAll(ACRONYM_GLOSSED)) {
      if (!orgs.some((o) => o.acronym === acronym)) orgs.push({ name: name!, acronym: acronym!, display: acronym! });
    }
  }
  for (const line of allLines(index)) {
    for (const match of line.text.matchAll(ORG_PHRASE)) {
      const name = match[1]!.replace(/^(?:The|A|An|From|By|And|Of)\s+/, '').trim();
      if (name.split(/\s+/).length < 2) continue;
      if (orgs.some((o) => o.name.includes(name) || name.includes(o.name))) continue;
      orgs.push({ name, display: name });
    }
  }
  cache.set(index, orgs);
  return orgs;
}

/** Organisations mentioned in a text, in order of appearance ("NBE’s …" counts). */
export function organizationsIn(text: string, orgs: readonly Organization[]): Organization[] {
  const found: Array<{ org: Organization; at: number }> = [];
  for (const org of orgs) {
    const byName = text.indexOf(org.name);
    const byAcronym = org.acronym ? text.search(acronymPattern(org.acronym)) : -1;
    const at = [byName, byAcronym].filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at !== undefined) found.push({ org, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.org);
}
