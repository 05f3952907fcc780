import { namedCell, tableCells, type GlossaryEntry, type Section } from '../../ingest/index.js';
import type { KnowledgeIndex } from '../../index/index.js';
import { contentTerms } from '../../text/index.js';
import { areaName, focusAreas, whereNamed } from '../guide/focus-areas.js';
import { guideFacts, type GuideFacts } from '../guide/guide-facts.js';
import { allLines, CitationBook, guideSections, sectionTitle, withoutAnswerPrefix, type GuideLine } from '../guide/guide-lines.js';
import { findOrganizations, organizationsIn, type Organization } from '../guide/organizations.js';
import { acronymPattern, cleanArgument, compactKey, editDistance, termSet } from '../guide/text-match.js';
import type { CertCard } from '../types.js';

type GuideIndex = Pick<KnowledgeIndex, 'documents' | 'glossary'>;

/** A card plus what lookup and plans need to know about it. */
export interface CertRecord {
  card: CertCard;
  /** The definition bullets for the acronym, first one defining. */
  entries: GlossaryEntry[];
  org?: Organization;
  /** "entry level" / "advanced", when the guide says. */
  level?: string;
  /** The defining guide line. */
  line: GuideLine;
  nameTerms: Set<string>;
  textTerms: Set<string>;
}

/**
 * What a credential can be for: its level, or one of the guide's focus areas (a work setting,
 * specialisation or advancement path its definition names). `phrase` says it in a question.
 */
export interface FocusTag {
  tag: string;
  phrase: string;
  /** Where the text names it, or -1. */
  at(text: string): number;
}

// Levels are how credentials describe themselves in any field.
const LEVEL_TAGS: FocusTag[] = [
  { tag: 'entry level', phrase: 'is an entry-level credential', at: (text) => text.search(/\bentry[- ]level\b/i) },
  { tag: 'advanced', phrase: 'is described as an advanced credential', at: (text) => text.search(/\badvanced\b/i) },
];
const LEVELS = new Set(LEVEL_TAGS.map((t) => t.tag));

/** The level tags and one tag per focus area of the guide. */
export function focusTagsOf(index: Pick<KnowledgeIndex, 'documents'>): FocusTag[] {
  const areas = focusAreas(index).map(
    (area): FocusTag => ({
      tag: area.label,
      phrase: `is for ${area.kind === 'setting' ? `work in ${areaName(area)}` : area.kind === 'specialization' ? areaName(area) : area.label}`,
      at: (text) => whereNamed(text, area),
    }),
  );
  return [...LEVEL_TAGS, ...areas];
}
/** Query words that say "a certification" without saying which. */
const GENERIC = new Set(contentTerms('certified certification certificate credential credentials cert certs exam'));
const MAX_RELATED = 8;

const cache = new WeakMap<object, CertRecord[]>();

const CREDENTIAL_WORD = /\b(?:certifications?|credentials?|certified)\b/i;

/**
 * True for glossary definitions that name a credential: "Certified … (ACR): … certification/credential …",
 * a table row whose acronym sits under a "Credential" column, or a section headed by the credential
 * under a heading about credentials ("Certifications Compared").
 */
function isCredential(entry: GlossaryEntry): boolean {
  if (entry.kind !== 'definition' || !entry.acronym) return false;
  if (/^Certified\b/i.test(entry.term) || CREDENTIAL_WORD.test(entry.definition) || inCredentialColumn(entry)) return true;
  return !!entry.heading && CREDENTIAL_WORD.test(entry.headingPath.slice(0, -1).join(' '));
}

/** A table row whose acronym sits under a column named for credentials ("Credential: RDMS; Full name: …"). */
function inCredentialColumn(entry: GlossaryEntry): boolean {
  return !!tableCells(entry.quote)?.some((c) => (c.value === entry.acronym || namedCell(c.value)?.acronym === entry.acronym) && CREDENTIAL_COLUMN.test(c.header));
}

/**
 * The body that awards a credential: the one whose acronym its heading gives in parentheses
 * ("CMA (AAMA): …") or its table row gives under an awarding column, else the first organisation
 * its definitions name.
 */
function awardingBody(primary: GlossaryEntry, definitions: string[], sources: RecordSources): Organization | undefined {
  const column = primary.heading?.qualifier ? undefined : tableCells(primary.quote)?.find((c) => AWARDING_COLUMN.test(c.header))?.value;
  const qualifier = primary.heading?.qualifier ?? column;
  const byHeading = qualifier ? (sources.orgs.find((o) => o.acronym === qualifier) ?? expandedOrganization(qualifier, sources.index)) : undefined;
  return byHeading ?? (column ? columnOrganization(column) : undefined) ?? organizationsIn(definitions.join(' \n '), sources.orgs)[0];
}

/**
 * A column headed for the awarding body says what it is even when the guide never spells it out
 * ("Organization: NALA"), or spells it out with its acronym ("North American Technician Excellence (NATE)").
 */
function columnOrganization(column: string): Organization | undefined {
  const named = namedCell(column);
  if (named) return { name: named.term, acronym: named.acronym, display: named.acronym };
  return /^[A-Z][A-Za-z&-]{1,11}$/.test(column) ? { name: column, acronym: column, display: column } : undefined;
}

// Table columns of a credential table: the credential itself, and who gives it ("Awarding body",
// "Issued by", "Certifying organization").
const CREDENTIAL_COLUMN = /\b(?:certifications?|credentials?)\b/i;
const AWARDING_COLUMN = /\b(?:award\w*|issu\w*|offer\w*|certifying|organi[sz]ation)\b/i;

/** An acronym the guide expands somewhere ("American Medical Technologists (AMT)"), read as an organisation. */
function expandedOrganization(acronym: string, index: GuideIndex): Organization | undefined {
  const expansion = index.glossary.find((g) => g.acronym === acronym && g.kind === 'expansion');
  return expansion ? { name: expansion.term, acronym, display: acronym } : undefined;
}

/** The other lines of a section headed by the credential (its exam, fee, renewal), which need not repeat its acronym. */
function ownSectionLines(primary: GlossaryEntry, line: GuideLine, lines: GuideLine[]): GuideLine[] {
  if (!primary.heading) return [];
  return lines.filter((l) => l.section.id === line.section.id && l.section.source === line.section.source && l.line !== line.line);
}

function sectionOf(index: GuideIndex, entry: GlossaryEntry): Section | undefined {
  return guideSections(index).find((s) => s.id === entry.sectionId && s.source === entry.source);
}

/** The tags a credential's definitions name, in the order they name them, each once. */
function focusTags(texts: string[], tags: readonly FocusTag[]): string[] {
  const text = texts.join(' \n ');
  const named = tags.map((t) => ({ tag: t.tag, at: t.at(text) })).filter((f) => f.at >= 0);
  return [...new Set(named.sort((a, b) => a.at - b.at).map((f) => f.tag))];
}

/** A credential listed under a heading that gives its level ("The Two Entry-Level Certifications") has that level. */
function withLevel(focus: string[], heading: string): string[] {
  if (focus.some((f) => LEVELS.has(f))) return focus;
  const level = focusTags([heading], LEVEL_TAGS)[0];
  return level ? [level, ...focus] : focus;
}

/**
 * Builds one card per credential acronym from the glossary, so editing the guide's certification
 * bullets updates the cards. Organisation: the first organisation named in the definitions;
 * focus: its level and the guide's focus areas its definitions name; related: other guide lines naming the acronym (career
 * path, FAQs, resources; lines listing three or more credentials are too generic) plus the
 * guide's continuing-education and exam-preparation lines, which apply to every credential.
 */
export function certificationRecords(index: GuideIndex): CertRecord[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const orgs = findOrganizations(index);
  const byAcronym = credentialEntries(index, orgs);
  const sources: RecordSources = {
    index,
    orgs,
    acronyms: [...byAcronym.keys()],
    // FAQ sentences start with "A: "; the rest is still verbatim guide text.
    lines: allLines(index).map((l) => (l.kind === 'sentence' ? withoutAnswerPrefix(l) : l)),
    facts: guideFacts(index),
    focusTags: focusTagsOf(index),
  };
  const records = [...byAcronym].map(([acronym, entries]) => buildRecord(acronym, entries, sources)).filter((r): r is CertRecord => !!r);
  cache.set(index, records);
  return records;
}

/** What building one card reads. */
interface RecordSources {
  index: GuideIndex;
  orgs: Organization[];
  acronyms: string[];
  lines: GuideLine[];
  facts: GuideFacts;
  focusTags: FocusTag[];
}

/** Credential definitions grouped by acronym (an organisation's own acronym is not a credential). */
function credentialEntries(index: GuideIndex, orgs: Organization[]): Map<string, GlossaryEntry[]> {
  const byAcronym = new Map<string, GlossaryEntry[]>();
  for (const entry of index.glossary.filter(isCredential)) {
    if (orgs.some((o) => o.acronym === entry.acronym)) continue;
    byAcronym.set(entry.acronym!, [...(byAcronym.get(entry.acronym!) ?? []), entry]);
  }
  return byAcronym;
}

/** A line naming another credential, or in a section headed by another one, is about that credential only. */
function aboutAnother(line: GuideLine, acronym: string, { acronyms, index }: RecordSources): boolean {
  const others = acronyms.filter((a) => a !== acronym);
  if (others.some((a) => acronymPattern(a).test(line.text))) return true;
  return index.glossary.some((g) => g.heading && g.acronym !== acronym && others.includes(g.acronym!) && g.sectionId === line.section.id && g.source === line.section.source);
}

/** Other guide lines naming the acronym; lines listing many credentials, or some "etc.", only use it as an example. */
function mentionsOf(acronym: string, primary: GuideLine, { lines, acronyms }: RecordSources): GuideLine[] {
  return lines.filter((l) => {
    if (l.line === primary.line && l.section === primary.section) return false;
    if (!acronymPattern(acronym).test(l.text)) return false;
    const named = acronyms.filter((a) => acronymPattern(a).test(l.text)).length;
    return named < 3 && !(named > 1 && /\betc\b|such as/i.test(l.text));
  });
}

function buildRecord(acronym: string, entries: GlossaryEntry[], sources: RecordSources): CertRecord | undefined {
  const primary = entries[0]!;
  const section = sectionOf(sources.index, primary);
  if (!section) return undefined;
  const line: GuideLine = { text: primary.quote, line: primary.line, section, kind: 'bullet' };
  const definitions = entries.map((e) => e.definition);
  const org = awardingBody(primary, definitions, sources);
  const focus = withLevel(focusTags([primary.term, ...definitions], sources.focusTags), sectionTitle(section));
  const book = new CitationBook();
  book.cite(line);
  const mentions = [...ownSectionLines(primary, line, sources.lines), ...mentionsOf(acronym, line, sources)];
  const generic = [sources.facts.continuingEducation?.line, sources.facts.examPreparation].filter((l): l is GuideLine => !!l && !aboutAnother(l, acronym, sources));
  const related = [...mentions.slice(0, MAX_RELATED), ...generic.filter((g) => !mentions.includes(g))].map((l) => ({ text: l.text, n: book.cite(l) }));
  const card: CertCard = {
    acronym,
    name: primary.term,
    organization: org?.display ?? 'not stated in the guide',
    ...(org && org.name !== org.display ? { organizationName: org.name } : {}),
    focus,
    ...(focus.some((f) => LEVELS.has(f)) ? { level: focus.find((f) => LEVELS.has(f))! } : {}),
    summary: primary.definition,
    related,
    citations: book.citations,
  };
  return { card, entries, org, level: card.level, line, nameTerms: termSet(primary.term), textTerms: termSet(definitions.join(' ')) };
}

/** Every certification card the guide supports, in guide order. */
export function buildCertCards(index: GuideIndex): CertCard[] {
  return certificationRecords(index).map((r) => r.card);
}

/** What a lookup found: one card, the credentials of an organisation, or nothing (with near misses). */
export type CertLookup =
  | { kind: 'found'; record: CertRecord }
  | { kind: 'organization'; org: Organization; records: CertRecord[] }
  | { kind: 'unknown'; suggestions: CertRecord[] };

/**
 * Finds a certification by acronym (any case, hyphens optional: "abcp" finds "ABC-P"), by name
 * words (names beat definitions and the shortest matching name wins), or by a typo of an acronym
 * one edit away ("ACB" → ABC). An organisation's name or acronym lists its credentials.
 */
export function lookupCertification(index: GuideIndex, rawQuery: string): CertLookup {
  const records = certificationRecords(index);
  const query = cleanArgument(rawQuery);
  const key = compactKey(query);
  if (!key) return { kind: 'unknown', suggestions: [] };

  const exact = records.find((r) => compactKey(r.card.acronym) === key || compactKey(r.card.name) === key);
  if (exact) return { kind: 'found', record: exact };
  const tokens = query.split(/[\s,;/()]+/).map(compactKey).filter(Boolean);
  const byToken = records.find((r) => tokens.includes(compactKey(r.card.acronym)));
  if (byToken) return { kind: 'found', record: byToken };

  const org = findOrganizations(index).find((o) => compactKey(o.name) === key || (o.acronym && compactKey(o.acronym) === key));
  if (org) return { kind: 'organization', org, records: records.filter((r) => r.org === org) };

  const best = bestByWords(records, query);
  if (best) return { kind: 'found', record: best };

  const near = records
    .map((r) => ({ r, d: editDistance(compactKey(r.card.acronym), key) }))
    .filter((x) => key.length >= 3 && x.d <= 1)
    .map((x) => x.r);
  if (near.length === 1) return { kind: 'found', record: near[0]! };
  return { kind: 'unknown', suggestions: near };
}

/** Words shared by many of the guide's credential names (its field's word) say "a credential", not which one. */
function sharedNameTerms(records: CertRecord[]): Set<string> {
  const counts = new Map<string, number>();
  for (const r of records) for (const t of r.nameTerms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => records.length > 2 && n >= records.length * 0.4).map(([t]) => t));
}

function bestByWords(records: CertRecord[], query: string): CertRecord | undefined {
  const terms = [...new Set(contentTerms(query))];
  const shared = sharedNameTerms(records);
  const specific = terms.filter((t) => !GENERIC.has(t) && !shared.has(t));
  if (specific.length === 0) return undefined;
  let best: { record: CertRecord; score: number; extra: number } | undefined;
  for (const record of records) {
    const matched = specific.filter((t) => record.nameTerms.has(t) || record.textTerms.has(t));
    if (matched.length < Math.ceil(specific.length / 2)) continue;
    const score = terms.reduce((s, t) => s + (record.nameTerms.has(t) ? 2 : record.textTerms.has(t) ? 1 : 0), 0);
    const extra = [...record.nameTerms].filter((t) => !terms.includes(t)).length;
    if (!best || score > best.score || (score === best.score && extra < best.extra)) best = { record, score, extra };
  }
  return best?.record;
}

/** How two credentials differ, from their cards: organisation, focus and level. */
export function compareCertifications(left: CertRecord, right: CertRecord): string[] {
  const a = left.card;
  const b = right.card;
  const differences: string[] = [];
  differences.push(
    left.org && left.org === right.org
      ? `Organisation: both are ${left.org.display} credentials.`
      : `Organisation: ${a.acronym} is offered by ${a.organization}; ${b.acronym} by ${b.organization}.`,
  );
  const onlyA = a.focus.filter((f) => !LEVELS.has(f) && !b.focus.includes(f));
  const onlyB = b.focus.filter((f) => !LEVELS.has(f) && !a.focus.includes(f));
  const shared = a.focus.filter((f) => !LEVELS.has(f) && b.focus.includes(f));
  const focusParts = [
    onlyA.length ? `${a.acronym} covers ${onlyA.join(', ')}` : '',
    onlyB.length ? `${b.acronym} covers ${onlyB.join(', ')}` : '',
    shared.length ? `both cover ${shared.join(', ')}` : '',
  ].filter(Boolean);
  differences.push(`Focus: ${focusParts.length ? focusParts.join('; ') : 'the guide gives no focus for either'}.`);
  differences.push(
    left.level === right.level
      ? `Level: ${left.level ? `both are ${left.level}` : 'the guide states no level for either'}.`
      : `Level: ${a.acronym} is ${left.level ?? 'not described as entry level or advanced'}; ${b.acronym} is ${right.level ?? 'not described as entry level or advanced'}.`,
  );
  return differences;
}
