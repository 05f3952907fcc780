import type { KnowledgeIndex } from '../../index/index.js';
import { guideSubject, type Section } from '../../ingest/index.js';
import { contentTerms, stem } from '../../text/index.js';
import { guideFacts, type DefinedLine } from './guide-facts.js';
import { guideSections, sectionLines, sectionTitle, type GuideLine } from './guide-lines.js';

/**
 * A direction a career can take that the guide itself names: a work setting ("Hospital
 * Pharmacies"), a specialisation ("Nuclear pharmacy technician") or an advancement path ("Purchasing Role").
 * Plans aim at them and credential cards say which ones a credential serves. They come from the
 * guide's headings: the items under a heading about work settings, specialisations or
 * advancement (docs/guides.md says what a guide needs).
 */
export interface FocusArea {
  kind: 'setting' | 'specialization' | 'path';
  /** As the guide writes it ("Hospital Pharmacies"). */
  name: string;
  /** The name without the field's own words or role words, lower case: "hospital", "nuclear". A card's focus tag. */
  label: string;
  /** The label's parts ("retail and community" → retail | community), each as stemmed terms: naming all terms of one part names the area. */
  parts: string[][];
  /** The line describing it: its "Term: definition" bullet, or the first sentence under its heading. */
  line: GuideLine;
}

// Headings whose items are focus areas, innermost heading first decides ("Specialization Opportunities" under "Work Settings and …").
const KINDS: ReadonlyArray<readonly [FocusArea['kind'], RegExp]> = [
  ['specialization', /speciali[sz](?:ation|ations|ing|ties|ty)|specialt(?:y|ies)/i],
  ['setting', /work settings?|work environments?|where\b.*\bwork|places? to work/i],
  ['path', /advancement|career paths?\b|progression/i],
];
// Words an area's name adds around what it is ("Purchasing Role", "Remote Positions"); general English, not any field's.
const ROLE_WORDS = new Set(contentTerms('role roles focus position positions opportunity opportunities setting settings work job jobs career careers area areas specialist specialists department departments'));

// Sections that list figures or credentials under such a heading ("Pay by Work Setting", "Advanced and Specialty Credentials") are not areas.
const NOT_AREAS = /salar|\bpay\b|compensation|wages?\b|earnings|credential|certific/i;
// Place nouns a name ends with ("Insurance Companies"): a message need not repeat them to name the area.
const PLACE_WORDS = new Set(contentTerms('company companies center centers centre centres facility facilities office offices practice practices organization organizations'));

const cache = new WeakMap<object, FocusArea[]>();

/** The kind of area a section's items are, by its innermost heading that says. */
function kindOf(section: Section): FocusArea['kind'] | undefined {
  for (const heading of [...section.headingPath].reverse()) {
    const kind = KINDS.find(([, pattern]) => pattern.test(heading))?.[0];
    if (kind) return kind;
  }
  return undefined;
}

/** The stemmed words of the guides' subjects ("Pharmacy Technician" → pharmaci, technician): every area's name may use them. */
function subjectTerms(index: Pick<KnowledgeIndex, 'documents'>): Set<string> {
  return new Set(index.documents.flatMap((d) => contentTerms(guideSubject(d.title))));
}

/** "Retail and Community Pharmacies" → label "retail and community", parts [[retail], [commun]]; "Insurance Companies" → parts [[insur]]. */
function labelled(name: string, fieldTerms: ReadonlySet<string>): Pick<FocusArea, 'label' | 'parts'> {
  const kept = name.split(/\s+/).filter((word) => {
    const terms = contentTerms(word);
    return terms.length === 0 || terms.some((t) => !fieldTerms.has(t) && !ROLE_WORDS.has(t));
  });
  const label = kept.join(' ').toLowerCase().replace(/^(?:and|or|&|,)\s+|\s+(?:and|or|&|,)$/g, '').replace(/[,:;.]+$/, '').trim();
  const parts = label
    .split(/\s*(?:,|\band\b|\bor\b|&|\/)\s*/)
    .map(contentTerms)
    .map((terms) => (terms.some((t) => !PLACE_WORDS.has(t)) ? terms.filter((t) => !PLACE_WORDS.has(t)) : terms))
    .filter((p) => p.length > 0);
  return { label, parts };
}

const within = (inner: Section, outer: Section) => inner.source === outer.source && inner.headingPath.length > outer.headingPath.length && outer.headingPath.every((h, i) => inner.headingPath[i] === h);

/** A sub-heading that opens with a paragraph is an area ("### Hospital Pharmacies" + what the work is like). */
function headedAreas(section: Section, sections: readonly Section[]): Array<{ name: string; line: GuideLine }> {
  const children = sections.filter((s) => within(s, section) && s.headingPath.length === section.headingPath.length + 1);
  return children.flatMap((child) => {
    const first = sectionLines(child)[0];
    const namesKind = KINDS.some(([, pattern]) => pattern.test(sectionTitle(child)));
    return first && first.kind === 'sentence' && !namesKind ? [{ name: sectionTitle(child), line: first }] : [];
  });
}

/**
 * The items of the sections that name areas: their "Term: definition" bullets; a settings or
 * specialisations heading with no such bullets lends its kind to its paragraph sub-headings.
 * Pay sections ("Pay by Work Setting") list figures, not areas.
 */
function areaItems(index: Pick<KnowledgeIndex, 'documents'>): Array<{ kind: FocusArea['kind']; name: string; line: GuideLine }> {
  const sections = guideSections(index).filter((s) => !s.headingPath.some((h) => NOT_AREAS.test(h)));
  const defined = new Map<Section, DefinedLine[]>(guideFacts(index).lists.map((l) => [l.section, l.items]));
  const items: Array<{ kind: FocusArea['kind']; name: string; line: GuideLine }> = [];
  for (const section of sections) {
    const kind = kindOf(section);
    if (!kind) continue;
    items.push(...(defined.get(section) ?? []).map((d) => ({ kind, name: d.term, line: d.line })));
    const ownsKind = kind !== 'path' && KINDS.some(([k, pattern]) => k === kind && pattern.test(sectionTitle(section)));
    const hasBullets = [section, ...sections.filter((s) => within(s, section))].some((s) => defined.has(s));
    if (ownsKind && !hasBullets) items.push(...headedAreas(section, sections).map((a) => ({ kind, ...a })));
  }
  return items;
}

/** The guide's focus areas, read once per index; empty when the guide names none. */
export function focusAreas(index: Pick<KnowledgeIndex, 'documents'>): FocusArea[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const fieldTerms = subjectTerms(index);
  const seen = new Set<string>();
  const areas: FocusArea[] = [];
  for (const item of areaItems(index)) {
    const { label, parts } = labelled(item.name, fieldTerms);
    // "Specialization: develop expertise…" is the advice to specialise, not an area.
    const justTheKind = KINDS.some(([, pattern]) => pattern.test(label)) && parts.length === 1 && parts[0]!.length === 1;
    if (parts.length === 0 || justTheKind || seen.has(`${item.kind}:${label}`)) continue;
    seen.add(`${item.kind}:${label}`);
    areas.push({ kind: item.kind, name: item.name, label, parts, line: item.line });
  }
  cache.set(index, areas);
  return areas;
}

/** The area's name for a sentence: "Hospital Pharmacies" → "hospital pharmacies"; acronyms ("IV") keep their case. */
export function areaName(area: FocusArea): string {
  return area.name.replace(/\b[A-Z][a-z]+\b/g, (w) => w.toLowerCase());
}

/** A text's words as stems, with the words themselves for prefix matches ("purchaser" names "purchas"). */
function wordsOf(text: string): { stems: Set<string>; words: string[] } {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).map((w) => w.replace(/'s$/, ''));
  return { stems: new Set(contentTerms(text)), words };
}

const hasTerm = (t: string, text: { stems: Set<string>; words: string[] }) => text.stems.has(t) || (t.length >= 4 && text.words.some((w) => w.startsWith(t) || stem(w) === t));

/** True when the text names the area: all the terms of one of its parts ("retail", or "central fill"). */
export function namesArea(text: string, area: FocusArea): boolean {
  const words = wordsOf(text);
  return area.parts.some((part) => part.every((t) => hasTerm(t, words)));
}

/** Where a text names the area (about where its first term is), or -1 when it does not name it. */
export function whereNamed(text: string, area: FocusArea): number {
  if (!namesArea(text, area)) return -1;
  const lower = text.toLowerCase();
  const found = area.parts.flat().map((t) => lower.indexOf(t)).filter((i) => i >= 0);
  return found.length ? Math.min(...found) : 0;
}

/** The areas a text names, in the order the text names them. */
export function areasNamedIn(text: string, areas: readonly FocusArea[]): FocusArea[] {
  return areas
    .map((area) => ({ area, at: whereNamed(text, area) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.area);
}
