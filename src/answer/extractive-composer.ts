import { formatHeadingPath } from '../ingest/index.js';
import { QUALITY } from '../quality/index.js';
import { isIntro, leadLine, matchStrength, type RankedLine, type RankedSection, type RetrievalResult, type ScoredUnit, type Unit } from '../retrieval/index.js';
import type { Decision } from './answerability.js';
import { missingSpecific } from './specific-words.js';
import type { Citation } from './schema.js';

export interface ComposedAnswer {
  text: string;
  abstained: boolean;
  citations: Citation[];
}

export interface Line {
  text: string;
  section: RankedSection;
  quotes: string[];
}

/** Removes the guide's "A:" answer label for display; quotes keep the original wording. */
export function display(text: string): string {
  return text.replace(/^A:\s+/, '');
}


/**
 * The offline answer: the guide's own lines that answer the question, led by the most direct
 * one, at most a handful, each citing its section as [n]. Whether to answer at all is decided
 * before this runs (see answerability.ts).
 */
export function composeExtractiveAnswer(result: RetrievalResult): ComposedAnswer {
  const lead = leadLine(result.lines, result.query);
  if (!lead) return { text: NOTHING_FOUND, abstained: true, citations: [] };
  // A line that introduces a list answers nothing alone, but when it is the best line its items do.
  const introduced = introducedList(result);
  if (introduced) return render(introduced);
  const lines = result.query.wantsList ? listLines(listSection(result, lead.section) ?? lead.section, result) : undefined;
  return render(lines ? withLead(lead, lines) : factLines(lead, result));
}

/**
 * A list answer, then the best line when the list leaves it out: the list's section may be the
 * wrong one, and the line that ranked first is then the one that answers. After the list, so the
 * list's own citation still comes first where it is right.
 */
function withLead(lead: RankedLine, lines: Line[]): Line[] {
  if (isIntro(lead.unit) || lines.some((l) => l.quotes.includes(lead.unit.unit.text))) return lines;
  const line = { text: display(lead.unit.unit.text), section: lead.section, quotes: [lead.unit.unit.text] };
  return [...lines, line];
}

const NOTHING_FOUND = "The guide doesn't cover that, so I won't guess.";

/** When the best line introduces a list ("What's driving demand:"), that line with its first items, joined. */
function introducedList(result: RetrievalResult): Line[] | undefined {
  const top = result.lines[0];
  if (!top || !isIntro(top.unit)) return undefined;
  const units = top.section.entry.units;
  const at = units.indexOf(top.unit.unit);
  const items: Unit[] = [];
  for (const u of units.slice(at + 1)) {
    if (u.kind !== 'bullet') break;
    items.push(u);
  }
  if (items.length === 0) return undefined;
  const shown = items.slice(0, QUALITY.answer.maxLines);
  return [{ text: `${top.unit.unit.text} ${shown.map((u) => display(u.text)).join('; ')}`, section: top.section, quotes: [top.unit.unit.text, ...shown.map((u) => u.text)] }];
}

/** For list questions: the lead's section if it is a list, else the first list among the top sections. */
function listSection(result: RetrievalResult, leadSection: RankedSection): RankedSection | undefined {
  const isList = (s: RankedSection) => s.units.filter((u) => u.unit.kind === 'bullet').length >= 3 || s.entry.children.length >= 3;
  return [leadSection, ...result.sections.slice(0, 2)].find(isList);
}

/** The lead line, then the next best lines the model rates nearly as likely (not near-copies, same value type), each carried on by the rest of its paragraph's thought (see `continuation`). */
function factLines(lead: RankedLine, result: RetrievalResult, maxLines = QUALITY.answer.maxLines): Line[] {
  const { extraLineLogOdds } = QUALITY.answer;
  const lines: Line[] = [];
  const used: ScoredUnit[] = [];
  for (const c of [lead, ...result.lines.filter((l) => l !== lead)]) {
    if (lines.length >= maxLines || c.score < lead.score - extraLineLogOdds) break;
    if (c !== lead && (isIntro(c.unit) || (result.query.quantity && !c.unit.hasQuantity) || used.some((u) => similar(u, c.unit)))) continue;
    const after = continuation(c);
    const units = [c.unit.unit, ...(after && !used.some((u) => u.unit === after) ? [after] : [])];
    used.push(c.unit, ...c.section.units.filter((u) => u.unit === after));
    lines.push({ text: units.map((u) => display(u.text)).join(' '), section: c.section, quotes: units.map((u) => u.text) });
  }
  return lines;
}

/**
 * What carries a lead line on. A question's best match is often the line that sets up what follows
 * it: the next sentence of its paragraph ("Problem: …" before "Solution: …", "Yes, many positions
 * are remote." before what they need), the first item nested under a list item (a challenge, then
 * how to handle it), or whatever follows a question the guide asks itself ("Q: Is it too late to
 * start at 40?" before its answer).
 */
function continuation(lead: RankedLine): Unit | undefined {
  const unit = lead.unit.unit;
  const units = lead.section.entry.units;
  const next = units[units.indexOf(unit) + 1];
  if (!next || next.text.endsWith(':')) return undefined;
  const sameParagraph = unit.kind === 'paragraph' && next.kind === 'paragraph' && (next.line === unit.line || next.line === unit.line + 1);
  const nestedItem = unit.kind === 'bullet' && unit.depth !== undefined && (next.depth ?? 0) > unit.depth;
  // The catalog marks a line right after a question the guide asks (Unit.askedBy).
  const answersQuestion = next.askedBy !== undefined;
  // "Tight schedules that leave no buffer." then "What helps: ask for a realistic template…": a short
  // statement without a label of its own, and the paragraph after it that opens with one to answer it.
  const answeredByLabel = unit.kind === 'paragraph' && next.kind === 'paragraph' && !LABEL_OPENING.test(unit.text) && LABEL_OPENING.test(next.text) && wordCount(unit.text) <= QUALITY.answer.maxStatementWords;
  return sameParagraph || nestedItem || answersQuestion || answeredByLabel ? next : undefined;
}

/** A paragraph opening with a short label and a colon ("What helps:", "Fix:", "Solution:"). */
const LABEL_OPENING = /^[\p{L}'’ ]{2,24}:\s/u;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** For "which/what are the …" questions: the section's list, the best items in full and the rest by name. */
function listLines(section: RankedSection, result: RetrievalResult): Line[] | undefined {
  const bullets = section.units.filter((u) => u.unit.kind === 'bullet');
  const children = section.entry.children;
  // Naming the subsections answers "what are the paths?" only when the parent is what ranked first.
  if (bullets.length < 3 && children.length >= 3 && section === result.sections[0]) {
    const names = children.map((c) => c.headingPath.at(-1)!);
    return [{ text: names.join('; '), section, quotes: names }];
  }
  if (bullets.length < 3) return undefined;
  const top = bullets.slice(0, QUALITY.answer.maxLines).sort((a, b) => a.unit.line - b.unit.line);
  const rest = bullets.filter((b) => !top.includes(b)).sort((a, b) => a.unit.line - b.unit.line);
  const lines: Line[] = top.map((b) => ({ text: b.unit.text, section, quotes: [b.unit.text] }));
  const names = rest.map((b) => itemName(b.unit.text)).filter((n): n is string => !!n);
  if (names.length > 0 && names.length === rest.length) {
    lines.push({ text: `Also: ${names.join(', ')}.`, section, quotes: rest.map((b) => b.unit.text) });
  } else if (rest.length > 0 && result.query.wantsList) {
    lines.push(...rest.slice(0, 1).map((b) => ({ text: b.unit.text, section, quotes: [b.unit.text] })));
  }
  return lines;
}

/**
 * What a list item is called: a table row ("Item: Median pay; Typical figure: $42,000") by its first
 * cell's value, since every row shares the header; a "Label: text" bullet by its label.
 */
function itemName(text: string): string | undefined {
  const row = /^[^:;]{1,40}:\s*([^:;]{2,60});\s*[^:;]{1,40}:/.exec(text);
  return row?.[1]?.trim() ?? /^([^:]{2,60}):/.exec(text)?.[1];
}

function similar(a: ScoredUnit, b: ScoredUnit): boolean {
  const inter = [...a.unit.terms].filter((t) => b.unit.terms.has(t)).length;
  const union = new Set([...a.unit.terms, ...b.unit.terms]).size;
  return union > 0 && inter / union > QUALITY.answer.nearCopyOverlap;
}

/** Lines as an answer: each followed by its section's [n], one number per section. */
export function render(lines: Line[]): ComposedAnswer {
  const citations: Citation[] = [];
  const numberOf = new Map<RankedSection, number>();
  const text = lines
    .map((line) => {
      let n = numberOf.get(line.section);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(line.section, n);
        const s = line.section.entry.section;
        citations.push({ n, section: formatHeadingPath(s.headingPath), source: s.source, quote: '' });
      }
      const citation = citations[n - 1]!;
      citation.quote = [citation.quote, ...line.quotes].filter(Boolean).join('\n');
      return `${line.text} [${n}]`;
    })
    .join('\n');
  return { text, abstained: false, citations };
}

/**
 * The reply when the guide does not answer: for a partial, what is missing and then what the
 * guide does say on the topic (cited, as `related`); for an abstention, what the bot can help with.
 */
export function composeNonAnswer(result: RetrievalResult, decision: Decision, subjects: readonly string[]): ComposedAnswer & { related?: Citation[] } {
  const help = subjects.length > 0 ? ` I can help with what the loaded guides cover: ${subjects.join('; ')}.` : '';
  const lead = decision.outcome === 'partial' ? leadLine(result.lines, result.query) : undefined;
  if (!lead) return { text: `${NOTHING_FOUND}${help}`, abstained: true, citations: [] };
  // What the guide says nearest the question: the lead and, when the model rates it nearly as likely, one more line.
  const related = render(factLines(lead, result, QUALITY.answer.partialLines));
  const topic = lead.section.entry.section.headingPath.at(-1)!;
  return {
    text: `${missingPart(result, lead.unit)} What it says under “${topic}”:\n${related.text}`,
    abstained: true,
    citations: [],
    related: related.citations,
  };
}

const VALUE_NAMES: Record<NonNullable<RetrievalResult['query']['quantity']>, string> = {
  money: 'a figure for that',
  duration: 'how long that takes',
  date: 'a date for that',
  count: 'a number for that',
  number: 'a figure for that',
  organization: 'which organisation that is',
};

/** A lower-case token as the question wrote it ("nebraska" → "Nebraska"). */
function asWritten(question: string, token: string): string {
  const at = question.toLowerCase().indexOf(token);
  return at >= 0 ? question.slice(at, at + token.length) : token;
}

/** "The guide doesn't give a figure for that.", "The guide doesn't give that for “pharmacist”." or "The guide doesn't mention “exam fees”." */
function missingPart(result: RetrievalResult, lead: ScoredUnit): string {
  const { quantity } = result.query;
  const others = result.signals.otherOccupations.map((w) => asWritten(result.query.question, w));
  if (others.length > 0) return `The guide doesn't give that for “${others.join('”, “')}”.`;
  if (quantity && !lead.hasQuantity) return `The guide doesn't give ${VALUE_NAMES[quantity]}.`;
  const terms = new Set([...lead.unit.terms, ...result.sections[0]!.entry.headingTerms]);
  const named = new Map(result.signals.unknownNames.map((a) => [a.toLowerCase(), a]));
  // A word reached only through a loose relation ("hygienist" → "specialist") is still missing.
  // Only words that pin something down are worth naming; "doesn't mention “worried sits numbers”" helps no one.
  // And only words the guides never use: "doesn't mention “home”" is false of a guide that says "work-from-home" elsewhere.
  const missing = result.query.terms
    .filter((t, i) => t.token && t.weight >= 1 && !t.setup && !result.signals.inGuides[i] && (named.has(t.token) ? matchStrength(t, terms) < QUALITY.matching.relation.spelling : missingSpecific(t.token, matchStrength(t, terms))))
    .map((t) => named.get(t.token!) ?? asWritten(result.query.question, t.token!));
  const words = [...new Set(missing)].filter((w, _, all) => !all.some((o) => o !== w && o.split(/[-/]/).includes(w))).slice(0, 3);
  return words.length > 0 ? `The guide doesn't mention “${asPhrases(result.query.question, words).join('” or “')}”.` : "The guide doesn't answer exactly that.";
}

/** Missing words as the question groups them: "exam fees" where it writes them together, else one by one. */
function asPhrases(question: string, words: readonly string[]): string[] {
  const lower = question.toLowerCase();
  const phrases: string[] = [];
  for (const w of words) {
    const last = phrases.at(-1);
    if (last && lower.includes(`${last} ${w}`.toLowerCase())) phrases[phrases.length - 1] = `${last} ${w}`;
    else phrases.push(w);
  }
  return phrases;
}
