import { DATE_SOURCE } from './date-patterns.js';
import type { Term } from './detect-names-nlp.js';
import { isAcronym, isLabelWord } from './label-words.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// A chart line names the patient right beside a birth date or an identifier, with no cue word:
// "Lance Price 04/22/1977", "Crystal Law, Sept. 9, 1985", "faith baker ssn 228-61-4409",
// "acct SP-774019, Tawny Redhorse, asked ...". The words may all be English ("Law", "Price"),
// so the evidence is the layout: a short run of nouns that opens a line or sentence right before
// a full date or a birth-date/SSN/MRN label, or a capitalised run set off by commas right after an
// identifier.
// Kept out: guide words (credentials, organisations, jargon), labels, acronyms, function words,
// and words the tagger reads as verbs, adjectives, adverbs, dates or numbers.

const MAX_WORDS = 3;
const FULL_DATE = new RegExp(`^(?:${DATE_SOURCE})`, 'i');
/** Identifier labels a name may stand right before ("faith baker ssn ..."). */
const ID_LABEL = /^(?:DOB|D\.O\.B|SSN|MRN|born)\b/i;
const NOT_NAME_TAGS = ['Verb', 'Adjective', 'Adverb', 'Date', 'Value', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Organization', 'Honorific', 'Acronym', 'QuestionWord'];
/** What may stand between the name and what follows it: a space, a comma, an opening bracket. */
/** Where a line or sentence starts (or a field's value: "Contact: ..."). */
const OPENING = /(?:^|[\n.!?;:][ \t*_]*|^[ \t*_]+)$/;

/** Finds names by their place beside dates and identifiers (see the module comment). */
export function detectNamesBesideIdentifiers(text: string, terms: readonly Term[], vocabulary: Vocabulary, identifiers: readonly PhiFinding[]): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (let k = 0; k < terms.length; k++) {
    const run = nameRunAt(terms, k, vocabulary);
    if (run.length === 0) continue;
    const first = run[0]!;
    const last = run.at(-1)!;
    const opensLine = OPENING.test(text.slice(Math.max(0, first.start - 3), first.start)) || first.start === 0;
    const behindIdentifier = identifiers.some((d) => d.end <= first.start && /^,[ \t]*$/.test(text.slice(d.end, first.start)));
    // "Whitaker A1029384, Oduya A1030447": a list of names, each with its identifier.
    const before = opensLine && headsDateOrLabel(text, last);
    const listItem = (opensLine || behindIdentifier) && headsListedNumber(text, last, identifiers);
    // Behind an identifier only a run in capitals, set off by commas, is taken ("acct SP-774019, Tawny Redhorse, asked").
    const after = behindIdentifier && /^[ \t]*[,.]/.test(last.after);
    if ((before && isNameRun(run, vocabulary, true)) || ((after || listItem) && isNameRun(run, vocabulary, false))) found.push({ kind: 'name', start: first.start, end: last.end });
    k += run.length - 1;
  }
  return found;
}

/** The longest run (up to three) of name-candidate words starting at `k`, joined by spaces, a hyphen or one comma. */
function nameRunAt(terms: readonly Term[], k: number, vocabulary: Vocabulary): Term[] {
  const run: Term[] = [];
  for (let j = k; j < terms.length && run.length < MAX_WORDS && isCandidate(terms[j]!, vocabulary); j++) {
    run.push(terms[j]!);
    // One comma after the first word: "LAST, FIRST" ("cheng, wei ssn ...").
    if (!/^(?:[ \t]+|-)$/.test(terms[j]!.after) && !(run.length === 1 && /^,[ \t]*$/.test(terms[j]!.after))) break;
  }
  return run;
}

function isCandidate(term: Term, vocabulary: Vocabulary): boolean {
  const { text, tags } = term;
  if (!/^\p{L}[\p{L}'’-]*$/u.test(text) || text.length < 2 || isLabelWord(text) || ID_LABEL.test(text) || isAcronym(text)) return false;
  if (vocabulary.isKnown(text) || vocabulary.isFunctionWord(text)) return false;
  return !NOT_NAME_TAGS.some((t) => tags.has(t)) || (tags.has('Person') && !tags.has('Verb'));
}

/**
 * A single word needs more: a capital and person evidence ("Wren" is WordNet's Christopher Wren).
 * Two or three need capitals; in lower case ("faith baker") only right before a date or label.
 */
function isNameRun(run: readonly Term[], vocabulary: Vocabulary, lowerCaseAllowed: boolean): boolean {
  const capitalised = run.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text));
  if (run.length >= 2) return capitalised || (lowerCaseAllowed && run.every((t) => /^\p{Ll}+$/u.test(t.text)));
  const only = run[0]!;
  return capitalised && (only.tags.has('Person') || !vocabulary.isFamiliar(only.text) || vocabulary.isPersonName(only.text));
}

function headsDateOrLabel(text: string, last: Term): boolean {
  const rest = text.slice(last.end, last.end + 40);
  const gap = /^[ \t]*,?[ \t]*/.exec(rest)![0];
  if (gap.length === 0) return false;
  const next = rest.slice(gap.length);
  return FULL_DATE.test(next) || ID_LABEL.test(next);
}

/** Kinds of record number a list pairs with names; a link or a network address is not one ("portal link https://…"). */
const LISTED_KINDS: ReadonlySet<PhiFinding['kind']> = new Set(['mrn', 'other_id', 'account', 'health_plan_id', 'ssn']);

/** True when a found record number follows the run after spaces alone and closes a list item ("Whitaker A1029384,"). */
function headsListedNumber(text: string, last: Term, identifiers: readonly PhiFinding[]): boolean {
  return identifiers.some((d) => LISTED_KINDS.has(d.kind) && d.start > last.end && /^[ \t]+$/.test(text.slice(last.end, d.start)) && /^[ \t]*(?:[,;]|\.(?!\w)|$)/.test(text.slice(d.end, d.end + 3)));
}
