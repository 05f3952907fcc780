import { contentTerms } from '../../text/index.js';
import { acronymPattern } from '../guide/text-match.js';
import { areasNamedIn } from '../guide/focus-areas.js';
import { GENERAL_GOALS } from './general-goals.js';
import type { Education, ProfileField, ProfileUpdate } from './plan-profile.js';
import { termPairs, type ProfileVocabulary } from './plan-vocabulary.js';

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, few: 2, several: 3, couple: 2 };
const DURATION = /\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|few|several|couple)\s*\+?\s*(?:of\s+)?(years?|yrs?|months?)\b/gi;
const HOURS_A_WEEK = /\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s*(?:hours?|hrs?|h)\s*(?:a|an|per|each|every|\/)\s*(?:week|wk)\b/i;
const WANT = /\b(?:want|wanna|would like|'d like|’d like|hope|hoping|plan(?:ning)? to|goal|aim(?:ing)?|interested|looking to|looking for|dream|prefer|aspire|eventually|someday|one day|move into|get into|transition|switch to|become)\b/i;
const NO_EXPERIENCE = /\b(?:no|zero|without)\s+(?:[a-z]+\s+)?experience\b|\bnever\s+worked\b|\bnew to\b|\bjust starting\b|\bbeginner\b|\bnone\b|\bnothing\b|\bcomplete(?:ly)? new\b/i;
const NOT_SURE = /\b(?:not sure|unsure|don'?t know|dont know|no idea|undecided|anything|no preference|open to|whatever)\b/i;
const ROLE_INTRO = /\b(?:i'?m|i’m|i am|i work as|working as|work as|job as|employed as|currently)\s+(?:an?\s+|the\s+)?([a-z][a-z' -]{1,40}?)(?=\s+(?:with|in|at|for|and|who|since|but|looking|wanting|hoping|trying|of)\b|[,.;!]|$)/i;
const NOT_A_ROLE = /^(?:looking|trying|interested|hoping|planning|going|thinking|wanting|not|just|new|currently|still|working|about|a bit|pretty|very|really|kind|sort|also|finishing|enrolled|in|taking|studying|done)\b/i;
// Job titles people give without "I'm a" ("retail cashier, 2 years"); the guide's own job words are added per guide.
const COMMON_JOB = /^(?:assistant|nurse|receptionist|scribe|secretary|student|technician|tech|clerk|cna|lpn|rn|administrator|cashier|teacher|paramedic|emt|graduate)$/;
const RANK = /^(?:senior|lead|junior|head|chief|certified|remote|trainee)$/;

/** The message split at its first "want"-like word: what the person is, and what they want. */
interface MessageParts {
  own: string;
  goal: string;
  whole: string;
  asked?: ProfileField;
}

function numberOf(word: string): number {
  const n = Number(word);
  return Number.isFinite(n) ? n : (NUMBER_WORDS[word.toLowerCase()] ?? 0);
}

/** Years stated in a clause ("2 years", "18 months", "a year"); undefined when none. */
function yearsIn(text: string): number | undefined {
  let total: number | undefined;
  for (const m of text.matchAll(DURATION)) {
    const value = numberOf(m[1]!) / (/^m/i.test(m[2]!) ? 12 : 1);
    if (value > 0 && value < 60) total = Math.max(total ?? 0, Math.round(value * 10) / 10);
  }
  return total;
}

const usesFieldWord = (text: string, vocabulary: ProfileVocabulary) => contentTerms(text).some((t) => vocabulary.fieldTerms?.has(t));

/** A programme or degree in the field: it uses the field's words or a word pair of the guide's education lines. */
function isFieldTraining(text: string, vocabulary: ProfileVocabulary): boolean {
  return usesFieldWord(text, vocabulary) || termPairs(text).some((p) => vocabulary.trainingPairs?.has(p));
}

function educationLevel(t: string): Education | 'program-unfinished' | 'program-finished' | undefined {
  if (/\bmaster'?s?\b|\bmba\b|\bm\.?sc?\b/.test(t)) return 'master';
  if (/\bbachelor'?s?\b|\bb\.?sc?\.?\b|\bb\.?a\.?\b|\buniversity degree\b|\bfour-year degree\b|\b4-year degree\b|\bcollege degree\b/.test(t)) return 'bachelor';
  if (/\bassociate'?s?(?: degree| of)\b|\bassociates\b|\ba\.?a\.?s?\.?\b(?= degree| in)|\btwo-year degree\b|\b2-year degree\b/.test(t)) return 'associate';
  const program = /\b(?:program|course|certificate|bootcamp|training)\b/;
  const unfinished = /\b(?:currently|now|enrolled|taking|studying|halfway|in the middle|doing|started|starting|in progress)\b/.test(t) && !/\b(?:finished|completed|graduated from|done with)\b/.test(t);
  if (program.test(t) && unfinished) return 'program-unfinished';
  if (program.test(t) && /\b(?:finished|completed|graduated|done|have|did|passed)\b/.test(t)) return 'program-finished';
  if (/\b(?:no|without|never finished|didn'?t finish|dropped out of)\s+(?:a\s+)?(?:high school|diploma|ged)\b/.test(t)) return 'none';
  if (/\bhigh school\b|\bged\b|\bdiploma\b|\bhs grad/.test(t)) return 'high-school';
  return undefined;
}

/** Education level, and whether it is training for the field (a programme always is). */
function readEducation(text: string, vocabulary: ProfileVocabulary, found: ProfileUpdate): void {
  const level = educationLevel(text.toLowerCase().replace(/’/g, "'"));
  if (!level) return;
  const isProgram = level === 'program-unfinished' || level === 'program-finished';
  found.education = level === 'program-unfinished' ? 'in-program' : level === 'program-finished' ? 'program' : level;
  found.fieldTraining = isProgram || isFieldTraining(text, vocabulary);
  found.answered.education = true;
}

/** Credentials named: in the goal part they are wanted, elsewhere held. */
function readCredentials(parts: MessageParts, vocabulary: ProfileVocabulary, found: ProfileUpdate): void {
  const held = vocabulary.certifications.filter((a) => !acronymPattern(a, 'i').test(parts.goal) && acronymPattern(a, 'i').test(parts.own));
  const targets = vocabulary.certifications.filter((a) => acronymPattern(a, 'i').test(parts.goal));
  if (held.length) found.certifications = held;
  if (targets.length) found.targetCertifications = targets;
}

/** The first job title in the text, with a rank or field word before it ("senior technician", "lead cashier"). */
function jobTitleIn(text: string, vocabulary: ProfileVocabulary): string | undefined {
  const words = (text.toLowerCase().match(/[a-z]+/g) ?? []);
  const isJob = (word: string) => COMMON_JOB.test(word) || !!vocabulary.fieldRoles?.has(contentTerms(word)[0] ?? word);
  const at = words.findIndex(isJob);
  if (at < 0) return undefined;
  const before = words[at - 1];
  const qualifies = !!before && (RANK.test(before) || !!vocabulary.fieldTerms?.has(contentTerms(before)[0] ?? before));
  return qualifies ? `${before} ${words[at]}` : words[at];
}

function roleIn(text: string, vocabulary: ProfileVocabulary): string | undefined {
  const candidate = ROLE_INTRO.exec(text)?.[1]?.trim();
  if (candidate && !NOT_A_ROLE.test(candidate) && !/\b(?:years?|months?)\b/i.test(candidate)) return candidate;
  return jobTitleIn(text, vocabulary);
}

/** A job title is in the field when its last word is one of the guide's job words, or it is a credential held. */
function isFieldRole(role: string, vocabulary: ProfileVocabulary, held: readonly string[]): boolean {
  const head = contentTerms(role).at(-1);
  return (!!head && !!vocabulary.fieldRoles?.has(head)) || held.some((a) => a.toLowerCase() === role.toLowerCase());
}

/** Years in the field and elsewhere, clause by clause: a clause about another job counts as other work. */
function readYears(own: string, role: string | undefined, vocabulary: ProfileVocabulary, held: readonly string[]): { field?: number; other?: number } {
  const roleInField = role ? isFieldRole(role, vocabulary, held) : false;
  let field: number | undefined;
  let other: number | undefined;
  for (const clause of own.split(/[,;.!]|\bbut\b|\band\b/i)) {
    const years = yearsIn(clause);
    if (years === undefined) continue;
    const namesOtherJob = !!role && !roleInField && clause.toLowerCase().includes(role.toLowerCase());
    const inField = held.some((a) => acronymPattern(a, 'i').test(clause)) || (!namesOtherJob && (usesFieldWord(clause, vocabulary) || (roleInField && !!role)));
    if (inField) field = Math.max(field ?? 0, years);
    else other = Math.max(other ?? 0, years);
  }
  // "3 years, senior technician": the years belong to the job named, which is in the field.
  if (field === undefined && other !== undefined && roleInField) return { field: other };
  return { field, other };
}

/** The current job, credentials held and years of experience. */
function readExperience(parts: MessageParts, vocabulary: ProfileVocabulary, found: ProfileUpdate): void {
  const held = found.certifications ?? [];
  const role = roleIn(parts.own, vocabulary);
  let { field, other } = readYears(parts.own, role, vocabulary, held);
  if (field === undefined && parts.asked !== 'education' && NO_EXPERIENCE.test(parts.own || parts.whole)) field = 0;
  if (role) found.role = role;
  if (field !== undefined) found.fieldYears = field;
  if (other !== undefined) found.otherYears = other;
  if (held.length || role || field !== undefined || other !== undefined) found.answered.experience = true;
}

/**
 * General directions ("work from home") and the guide's focus areas the goal names ("hospital",
 * "sterile compounding"). An area that is itself a general direction is left to that direction.
 */
function readGoals(parts: MessageParts, vocabulary: ProfileVocabulary, found: ProfileUpdate): void {
  const goals = GENERAL_GOALS.filter(([, pattern]) => pattern.test(parts.goal)).map(([goal]) => goal);
  const areas = areasNamedIn(parts.goal, vocabulary.areas).map((a) => a.name);
  if (goals.length) found.goals = goals;
  if (areas.length) found.focusAreas = [...new Set(areas)];
  // In a one-line start "not sure" can only be about goals (education and experience are facts).
  const unsure = (parts.asked === 'goals' || parts.asked === undefined) && NOT_SURE.test(parts.whole);
  if (goals.length || areas.length || found.targetCertifications?.length || unsure) found.answered.goals = true;
}

/** "10 hours a week": the time they can give to it. */
function readHours(text: string, found: ProfileUpdate): void {
  const m = HOURS_A_WEEK.exec(text);
  const hours = m ? numberOf(m[1]!) : 0;
  if (hours > 0 && hours <= 80) found.hoursPerWeek = hours;
}

/** Goals are read after a "want"-like word, so "I'm a hospital receptionist, I want to work remotely" gives remote, not hospital work. */
function messageParts(text: string, asked?: ProfileField): MessageParts {
  if (asked === 'goals') return { own: '', goal: text, whole: text, asked };
  const want = WANT.exec(text);
  if (!want) return { own: text, goal: '', whole: text, asked };
  // "I want to …, high school diploma": with nothing said before the goal, the facts are read from the whole message.
  const own = text.slice(0, want.index);
  return { own: contentTerms(own).length ? own : '', goal: text.slice(want.index), whole: text, asked };
}

/**
 * Reads what it can from one message: education, experience (years, role, credentials held),
 * goals. `asked` is the question this message answers: that field counts as answered even when
 * nothing could be read from it, so the conversation never asks the same thing twice.
 */
export function parseProfileText(text: string, vocabulary: ProfileVocabulary, asked?: ProfileField): ProfileUpdate {
  const found: ProfileUpdate = { answered: {} };
  const parts = messageParts(text, asked);
  readEducation(parts.own || text, vocabulary, found);
  readCredentials(parts, vocabulary, found);
  readExperience(parts, vocabulary, found);
  readGoals(parts, vocabulary, found);
  readHours(text, found);
  if (asked) found.answered[asked] = true;
  return found;
}
