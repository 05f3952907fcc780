import type { KnowledgeDocument, Section } from './types.js';

/** A term the guide defines: a definition bullet or an inline expansion such as "Long Name (LN)". */
export interface GlossaryEntry {
  term: string;
  acronym?: string;
  definition: string;
  kind: 'definition' | 'expansion';
  sectionId: string;
  headingPath: string[];
  source: string;
  line: number;
  /** The full guide line the entry came from (for citations). */
  quote: string;
  /**
   * Set when the section's own heading names the term ("CMA (AAMA): Certified Medical Assistant"):
   * the whole section is about it. The heading's parenthesis, when it is not the term's acronym,
   * is kept here: guides write the awarding body's acronym there.
   */
  heading?: { qualifier?: string };
  /**
   * A layout read since round 15: the acronym first ("CP (Certified Paralegal): …") or acronym and name in
   * one table cell ("| Certified Paralegal (CP) | NALA |"). The section ranking model was fitted before.
   */
  form?: 'acronym-first' | 'one-cell';
}

/** Credential acronyms may mix case ("CPhT", "ExCPT", "CPhT-Adv"): a capital first, at least two capitals, no spaces. */
const ACRONYM = /^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;
/** "Term (ACR): definition" / "Term: definition" / "Term (ACR) – definition" / "ACR (Spelled Out Term): definition". */
const DEFINITION_BULLET = /^([^:–—]{2,70}?)(?:\s+\(([^)]{1,60})\))?\s*(?::|\s[–—]\s)\s*(.+)$/;
/** " (ACR)": whitespace, then an acronym-like word in parentheses. */
const ACRONYM_IN_PARENS = /\s\(([A-Z][A-Za-z0-9-]+)\)/g;
const SMALL = new Set(['and', 'of', 'for', 'the', 'in', 'on', 'to', '&']);

function isAcronym(text: string | undefined): text is string {
  return !!text && text.length >= 2 && text.length <= 12 && ACRONYM.test(text) && /[A-Z].*[A-Z]/.test(text);
}

/** Initial letters of a name, splitting hyphenated words ("Specialist-Physician" → "SP"). */
function initials(words: string[]): string {
  return words
    .flatMap((w) => w.split('-'))
    .filter((w) => w && !SMALL.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Finds the shortest run of words ending the text whose initials spell the acronym. */
function expansionBefore(text: string, acronym: string): string | undefined {
  const letters = acronym.replace(/[^A-Z]/g, '');
  const words = text.trim().split(/\s+/);
  for (let n = 1; n <= Math.min(words.length, letters.length + 4); n++) {
    const candidate = words.slice(-n);
    if (!/^[A-Z]/.test(candidate[0]!)) continue;
    if (initials(candidate) === letters) return candidate.join(' ').replace(/^[^A-Za-z]+/, '');
  }
  return undefined;
}

function definitionEntry(text: string, section: Section, line: number): GlossaryEntry | undefined {
  const match = DEFINITION_BULLET.exec(text);
  if (!match) return undefined;
  const [, rawTerm, paren, definition] = match;
  const name = rawTerm!.trim();
  if (name.split(/\s+/).length > 8 || /[.?!]/.test(name)) return undefined;
  // "CP (Certified Paralegal): …" names the acronym first and spells it out in the parenthesis.
  const spelledOut = paren && isAcronym(name) && spells(paren, name) ? paren : undefined;
  const acronym = spelledOut ? name : isAcronym(paren) ? paren : undefined;
  // A parenthesis that is not an acronym qualifies the term ("Entry-Level (0-2 years)").
  const term = spelledOut ?? (paren && !acronym ? `${name} (${paren})` : name);
  return {
    term,
    acronym,
    ...(spelledOut ? { form: 'acronym-first' as const } : {}),
    definition: definition!.trim(),
    kind: 'definition',
    sectionId: section.id,
    headingPath: section.headingPath,
    source: section.source,
    line,
    quote: text,
  };
}

/** "ACR (QUALIFIER): Full Name", "ACR: Full Name" or "ACR – Full Name". */
const HEADING_ACRONYM_FIRST = /^([A-Z][A-Za-z0-9-]{1,11})(?:\s+\(([^)]{1,20})\))?\s*(?::|\s[–—-]\s)\s*(.+)$/;
/** "Full Name (ACR)", optionally followed by ": …" or " – …". */
const HEADING_NAME_FIRST = /^(.+?)\s+\(([A-Z][A-Za-z0-9-]{1,11})\)(?:\s*(?::|\s[–—-]\s).*)?$/;

/** The term a heading names with its acronym, when the name's initials spell the acronym. */
export function headingDefinition(heading: string): { term: string; acronym: string; qualifier?: string } | undefined {
  const first = HEADING_ACRONYM_FIRST.exec(heading);
  if (first && isAcronym(first[1]) && initials(first[3]!.trim().split(/\s+/)) === first[1].replace(/[^A-Z]/g, '')) {
    return { term: first[3]!.trim(), acronym: first[1], ...(first[2] ? { qualifier: first[2] } : {}) };
  }
  const last = HEADING_NAME_FIRST.exec(heading);
  const term = last && isAcronym(last[2]) ? expansionBefore(last[1]!, last[2]) : undefined;
  return term ? { term, acronym: last![2]! } : undefined;
}

/** A section whose own heading names a term and its acronym defines it; its first block is the definition. */
function headingEntry(section: Section): GlossaryEntry | undefined {
  const named = headingDefinition(section.headingPath.at(-1) ?? '');
  const first = section.blocks[0];
  if (!named || !first) return undefined;
  return {
    term: named.term,
    acronym: named.acronym,
    definition: first.text,
    kind: 'definition',
    sectionId: section.id,
    headingPath: section.headingPath,
    source: section.source,
    line: first.line,
    quote: first.text,
    heading: named.qualifier ? { qualifier: named.qualifier } : {},
  };
}

// A table row, as the parser writes it: "Credential: RDMS; Full name: Registered Diagnostic Medical
// Sonographer; Awarding body: ARDMS; Focus: …". One cell an acronym, another the name it abbreviates.
const TABLE_CELL = /^([^:;]{1,40}):\s*(.+)$/;

/**
 * The cells of a table row as the parser writes it ("Header: value; Header: value; …"), or undefined
 * for a line of fewer than three.
 */
export function tableCells(text: string, semicolonsInValues = false): Array<{ header: string; value: string }> | undefined {
  const cells: Array<{ header: string; value: string }> = [];
  for (const piece of text.split(/;\s+/)) {
    const cell = TABLE_CELL.exec(piece);
    if (cell) cells.push({ header: cell[1]!.trim(), value: cell[2]!.trim() });
    // With `semicolonsInValues`, a piece with no header goes on the value before it ("What changes: Mostly
    // administrative; learning procedure"). The glossary does not read rows so: counting them as definitions
    // moved the fitted section ranking on the tune splits (round 15: surgical technologist and EMT facts fell).
    else if (semicolonsInValues && cells.length > 0) cells.at(-1)!.value += `; ${piece.trim()}`;
    else return undefined;
  }
  return cells.length >= 3 ? cells : undefined;
}

/** True when the initials of `name` spell `acronym` ("Certified Paralegal" → "CP"). */
function spells(name: string, acronym: string): boolean {
  return initials(name.trim().split(/\s+/)) === acronym.replace(/[^A-Z]/g, '');
}

/** A cell naming a term and its acronym at once: "CP (Certified Paralegal)" or "Certified Paralegal (CP)". */
export function namedCell(value: string): { term: string; acronym: string } | undefined {
  const acronymFirst = /^([A-Z][A-Za-z0-9-]{1,11})\s+\(([^()]{3,60})\)$/.exec(value);
  if (acronymFirst && isAcronym(acronymFirst[1]) && spells(acronymFirst[2]!, acronymFirst[1])) return { term: acronymFirst[2]!, acronym: acronymFirst[1] };
  const nameFirst = /^([^()]{3,60}?)\s+\(([A-Z][A-Za-z0-9-]{1,11})\)$/.exec(value);
  if (nameFirst && isAcronym(nameFirst[2]) && spells(nameFirst[1]!, nameFirst[2])) return { term: nameFirst[1]!, acronym: nameFirst[2] };
  return undefined;
}

/**
 * A table row that names a term in one cell and its acronym in another, or both in one cell
 * ("CP (Certified Paralegal)"), defines it; the other cells are the definition.
 */
function tableRowEntry(text: string, section: Section, line: number): GlossaryEntry | undefined {
  const cells = tableCells(text);
  if (!cells) return undefined;
  const acronymCell = cells.find((c) => isAcronym(c.value));
  const acronym = acronymCell?.value;
  const nameCell = acronym ? cells.find((c) => c !== acronymCell && spells(c.value, acronym)) : undefined;
  const both = acronym && nameCell ? undefined : cells.map((cell) => ({ cell, named: namedCell(cell.value) })).find((c) => c.named);
  const named = both?.named ?? (acronym && nameCell ? { term: nameCell.value, acronym } : undefined);
  if (!named) return undefined;
  const used = both ? [both.cell] : [acronymCell, nameCell];
  const definition = cells.filter((c) => !used.includes(c)).map((c) => `${c.header}: ${c.value}`).join('; ');
  const form = both ? { form: 'one-cell' as const } : {};
  return { term: named.term, acronym: named.acronym, ...form, definition, kind: 'definition', sectionId: section.id, headingPath: section.headingPath, source: section.source, line, quote: text };
}

function expansionEntries(text: string, section: Section, line: number): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const base = { kind: 'expansion' as const, sectionId: section.id, headingPath: section.headingPath, source: section.source, line, quote: text };
  // "Long Name (ACR)": each " (ACR)" in turn, with the text before it back to the previous match
  // or parenthesis. (A single regex with a lazy `([^()]*?)` prefix does the same but rescans the
  // rest of the line from every start position: quadratic on a long line without an acronym.)
  let from = 0;
  for (const m of text.matchAll(ACRONYM_IN_PARENS)) {
    const at = m.index;
    const paren = Math.max(text.lastIndexOf('(', at - 1), text.lastIndexOf(')', at - 1));
    const before = text.slice(Math.max(from, paren + 1), at);
    from = at + m[0].length;
    const acronym = m[1]!;
    const term = isAcronym(acronym) ? expansionBefore(before, acronym) : undefined;
    if (term) entries.push({ ...base, term, acronym, definition: `${term} (${acronym})` });
  }
  // "ACR (Long Name)"
  for (const m of text.matchAll(/\b([A-Z][A-Z0-9-]{1,9})\s\(([A-Z][^()]{3,60})\)/g)) {
    const [, acronym, term] = m;
    if (isAcronym(acronym) && initials(term!.split(/\s+/)) === acronym!.replace(/[^A-Z]/g, '')) {
      entries.push({ ...base, term: term!, acronym, definition: `${acronym} (${term})` });
    }
  }
  return entries;
}

/**
 * Extracts the glossary: every definition bullet ("Certified Coding Specialist (CCS): AHIMA
 * credential for …", "Term: definition"), every table row naming a term and its acronym, every heading that names a term with its acronym
 * ("CMA (AAMA): Certified Medical Assistant") and every inline acronym expansion.
 */
export function extractGlossary(doc: KnowledgeDocument): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  for (const section of doc.sections) {
    const byHeading = headingEntry(section);
    if (byHeading) entries.push(byHeading);
    for (const block of section.blocks) {
      if (block.kind === 'bullet') {
        const entry = tableRowEntry(block.text, section, block.line) ?? definitionEntry(block.text, section, block.line);
        if (entry) entries.push(entry);
      }
      entries.push(...expansionEntries(block.text, section, block.line));
    }
  }
  return dedupeExpansions(entries);
}

/**
 * Keeps one expansion per acronym, and none where a definition already names it; a heading
 * definition only when no definition bullet names the acronym (the bullet is the more precise).
 */
function dedupeExpansions(entries: GlossaryEntry[]): GlossaryEntry[] {
  const byBullet = new Set(entries.filter((e) => e.kind === 'definition' && e.acronym && !e.heading).map((e) => e.acronym));
  const defined = new Set(entries.filter((e) => e.kind === 'definition' && e.acronym).map((e) => e.acronym));
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (e.kind === 'definition') return !e.heading || !byBullet.has(e.acronym);
    if (!e.acronym || defined.has(e.acronym) || seen.has(e.acronym)) return false;
    seen.add(e.acronym);
    return true;
  });
}
