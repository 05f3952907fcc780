import { contentTerms } from '../../text/index.js';
import { acronymPattern } from '../guide/text-match.js';

/** Highest education reached, in increasing order. */
export const EDUCATION_LEVELS = ['none', 'high-school', 'in-program', 'program', 'associate', 'bachelor', 'master'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

export type PlanGoal = 'inpatient' | 'outpatient' | 'physician office' | 'remote' | 'audit' | 'compliance' | 'management' | 'teaching' | 'consulting' | 'specialty';

/** The three things the guided conversation asks about. */
export type ProfileField = 'education' | 'experience' | 'goals';
export const PROFILE_FIELDS: readonly ProfileField[] = ['education', 'experience', 'goals'];

/** What we know about the person asking for a plan. */
export interface PlanProfile {
  education?: Education;
  /** Their program or degree is in coding or health information, so it counts as coding training. */
  codingEducation?: boolean;
  /** Years of coding or billing experience. */
  codingYears?: number;
  /** Years in other work (e.g. as a medical assistant). */
  otherYears?: number;
  role?: string;
  /** Credentials they hold (acronyms as the guide spells them). */
  certifications: string[];
  /** Credentials they say they want. */
  targetCertifications: string[];
  goals: PlanGoal[];
  /** Guide specializations they named ("Cardiology Coding"). */
  specialties: string[];
  answered: Record<ProfileField, boolean>;
}

/** What the parser needs from the guide: credential acronyms and specialization names. */
export interface ProfileVocabulary {
  certifications: readonly string[];
  specialties: readonly string[];
}

/** What one message told us; `answered` marks the fields it settles. */
export type ProfileUpdate = Omit<Partial<PlanProfile>, 'answered'> & { answered: Partial<Record<ProfileField, boolean>> };

export function emptyProfile(): PlanProfile {
  return { certifications: [], targetCertifications: [], goals: [], specialties: [], answered: { education: false, experience: false, goals: false } };
}

/** The questions, in the order they are asked. */
export const PLAN_QUESTIONS: Record<ProfileField, string> = {
  education:
    'What education do you have so far? For example: a high school diploma or GED, a medical coding program (finished or in progress), or an associate’s or bachelor’s degree.',
  experience:
    'What coding experience do you have, and what is your current job? Mention any certification you already hold. For example: “none, I work in retail” or “3 years as an outpatient coder, CPC”.',
  goals:
    'What are you aiming for? For example: inpatient or outpatient coding, working remotely, auditing or compliance, management, or a specialty such as cardiology. “Not sure” is fine too.',
};

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, few: 2, several: 3, couple: 2 };
const DURATION = /\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|few|several|couple)\s*\+?\s*(?:of\s+)?(years?|yrs?|months?)\b/gi;
const WANT = /\b(?:want|wanna|would like|'d like|’d like|hope|hoping|plan(?:ning)? to|goal|aim(?:ing)?|interested|looking to|looking for|dream|prefer|aspire|eventually|someday|one day|move into|get into|transition|switch to|become)\b/i;
const CODING_WORK = /\b(?:cod(?:ing|er|ers|ed)|bill(?:ing|er)|abstract(?:or|ing))\b/i;
const NO_EXPERIENCE = /\b(?:no|zero|without)\s+(?:coding\s+|prior\s+|real\s+|work\s+)?experience\b|\bnever\s+(?:coded|worked)\b|\bnew to (?:coding|this|the field)\b|\bjust starting\b|\bbeginner\b|\bnone\b|\bnothing\b|\bcomplete(?:ly)? new\b/i;
const NOT_SURE = /\b(?:not sure|unsure|don'?t know|dont know|no idea|undecided|anything|no preference|open to|whatever)\b/i;
const ROLE_INTRO = /\b(?:i'?m|i’m|i am|i work as|working as|work as|job as|employed as|currently)\s+(?:an?\s+|the\s+)?([a-z][a-z' -]{1,40}?)(?=\s+(?:with|in|at|for|and|who|since|but|looking|wanting|hoping|trying|of)\b|[,.;!]|$)/i;
const NOT_A_ROLE = /^(?:looking|trying|interested|hoping|planning|going|thinking|wanting|not|just|new|currently|still|working|about|a bit|pretty|very|really|kind|sort|also|finishing|enrolled|in|taking|studying|done)\b/i;
const ROLE_NOUN = /\b((?:medical |inpatient |outpatient |senior |lead |remote |certified |billing and |health )?(?:coder|biller|assistant|nurse|receptionist|scribe|secretary|student|technician|tech|clerk|cna|lpn|rn|auditor|administrator|cashier|teacher|paramedic|emt|graduate))\b/i;
const GOALS: ReadonlyArray<readonly [PlanGoal, RegExp]> = [
  ['inpatient', /\binpatient\b|\bhospitals?\b/i],
  ['outpatient', /\boutpatient\b|\bambulatory\b|\bclinics?\b/i],
  ['physician office', /\bphysicians?\b|\bdoctors?'?s? offices?\b|\bprivate practice\b/i],
  ['remote', /\bremote(?:ly)?\b|\bfrom home\b|\bwork-from-home\b|\bwfh\b|\bhome[- ]based\b/i],
  ['audit', /\baudit(?:s|or|ors|ing)?\b/i],
  ['compliance', /\bcompliance\b|\brisk management\b/i],
  ['management', /\bmanag(?:e|er|ers|ement|ing)\b|\bdirector\b|\blead(?:er|ership)?\b|\bsupervis(?:e|or|ing)\b/i],
  ['teaching', /\bteach(?:ing|er)?\b|\btrainer\b|\beducator\b/i],
  ['consulting', /\bconsult(?:ing|ant)?\b/i],
];

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

function educationIn(text: string): { level?: Education; coding?: boolean } {
  const t = text.toLowerCase().replace(/’/g, "'");
  const coding = /\bcod(?:ing|er)\b|\bhealth information\b|\bhim\b|\bhit\b|\bmedical billing\b/.test(t);
  if (/\bmaster'?s?\b|\bmba\b|\bm\.?sc?\b/.test(t)) return { level: 'master', coding };
  if (/\bbachelor'?s?\b|\bb\.?sc?\.?\b|\bb\.?a\.?\b|\buniversity degree\b|\bfour-year degree\b|\b4-year degree\b|\bcollege degree\b/.test(t)) return { level: 'bachelor', coding };
  if (/\bassociate'?s?(?: degree| of)\b|\bassociates\b|\ba\.?a\.?s?\.?\b(?= degree| in)|\btwo-year degree\b|\b2-year degree\b/.test(t)) return { level: 'associate', coding };
  const program = /\b(?:program|course|certificate|bootcamp|training)\b/;
  if (program.test(t) && /\b(?:currently|now|enrolled|taking|studying|halfway|in the middle|doing|started|starting|in progress)\b/.test(t) && !/\b(?:finished|completed|graduated from|done with)\b/.test(t)) {
    return { level: 'in-program', coding: true };
  }
  if (program.test(t) && /\b(?:finished|completed|graduated|done|have|did|passed)\b/.test(t)) return { level: 'program', coding: true };
  if (/\b(?:no|without|never finished|didn'?t finish|dropped out of)\s+(?:a\s+)?(?:high school|diploma|ged)\b/.test(t)) return { level: 'none' };
  if (/\bhigh school\b|\bged\b|\bdiploma\b|\bhs grad/.test(t)) return { level: 'high-school' };
  return {};
}

function roleIn(text: string): string | undefined {
  const intro = ROLE_INTRO.exec(text);
  const candidate = intro?.[1]?.trim();
  if (candidate && !NOT_A_ROLE.test(candidate) && !/\b(?:years?|months?)\b/i.test(candidate)) return candidate;
  return ROLE_NOUN.exec(text)?.[1]?.toLowerCase();
}

/**
 * Reads what it can from one message: education, experience (years, role, credentials held),
 * goals. `asked` is the question this message answers: that field counts as answered even when
 * nothing could be read from it, so the conversation never asks the same thing twice. Goals are
 * read after a "want"-like word when there is one, so "I'm a hospital receptionist, I want to work
 * remotely" gives the goal remote, not inpatient.
 */
export function parseProfileText(text: string, vocabulary: ProfileVocabulary, asked?: ProfileField): ProfileUpdate {
  const found: ProfileUpdate = { answered: {} };
  const want = WANT.exec(text);
  const goalText = asked === 'goals' ? text : want ? text.slice(want.index) : '';
  const ownText = want && asked !== 'goals' ? text.slice(0, want.index) : asked === 'goals' ? '' : text;

  const education = educationIn(ownText || text);
  if (education.level) {
    found.education = education.level;
    found.codingEducation = education.coding ?? false;
    found.answered.education = true;
  }

  const held: string[] = [];
  const targets: string[] = [];
  for (const acronym of vocabulary.certifications) {
    const pattern = acronymPattern(acronym, 'i');
    if (pattern.test(goalText)) targets.push(acronym);
    else if (pattern.test(ownText)) held.push(acronym);
  }
  const role = roleIn(ownText);
  const clauses = ownText.split(/[,;.!]|\bbut\b|\band\b/i);
  let codingYears: number | undefined;
  let otherYears: number | undefined;
  for (const clause of clauses) {
    const years = yearsIn(clause);
    if (years === undefined) continue;
    const coding = CODING_WORK.test(clause) || held.some((a) => acronymPattern(a, 'i').test(clause)) || (!!role && CODING_WORK.test(role) && !/\b(?:assistant|nurse|receptionist)\b/i.test(clause));
    if (coding) codingYears = Math.max(codingYears ?? 0, years);
    else otherYears = Math.max(otherYears ?? 0, years);
  }
  if (codingYears === undefined && NO_EXPERIENCE.test(ownText || text) && asked !== 'education') codingYears = 0;
  if (codingYears === undefined && otherYears !== undefined && role && CODING_WORK.test(role)) {
    codingYears = otherYears;
    otherYears = undefined;
  }
  if (held.length) found.certifications = held;
  if (targets.length) found.targetCertifications = targets;
  if (role) found.role = role;
  if (codingYears !== undefined) found.codingYears = codingYears;
  if (otherYears !== undefined) found.otherYears = otherYears;
  if (held.length || role || codingYears !== undefined || otherYears !== undefined) found.answered.experience = true;

  const goals = GOALS.filter(([, pattern]) => pattern.test(goalText)).map(([goal]) => goal);
  const goalTerms = new Set(contentTerms(goalText));
  const specialties = vocabulary.specialties.filter((name) => {
    const terms = contentTerms(name.replace(/\bcoding\b/i, ''));
    return terms.length > 0 && terms.every((t) => goalTerms.has(t)) && !/^(?:inpatient|outpatient)$/i.test(name.replace(/\s*coding$/i, ''));
  });
  if (specialties.length) goals.push('specialty');
  if (goals.length) found.goals = goals;
  if (specialties.length) found.specialties = specialties;
  // “Not sure” settles the goals; in a one-line start it can only be about goals (education and experience are facts).
  if (goals.length || targets.length || ((asked === 'goals' || asked === undefined) && NOT_SURE.test(text))) found.answered.goals = true;

  if (asked) found.answered[asked] = true;
  return found;
}

/** Adds newly read facts to a profile (later answers add to, and for scalars replace, earlier ones). */
export function mergeProfile(profile: PlanProfile, update: ProfileUpdate): PlanProfile {
  const union = <T>(a: T[], b: T[] | undefined) => [...new Set([...a, ...(b ?? [])])];
  const higher = (a?: Education, b?: Education) => (a && b ? (EDUCATION_LEVELS.indexOf(b) > EDUCATION_LEVELS.indexOf(a) ? b : a) : (b ?? a));
  return {
    ...profile,
    education: higher(profile.education, update.education),
    codingEducation: (profile.codingEducation ?? false) || (update.codingEducation ?? false),
    codingYears: update.codingYears ?? profile.codingYears,
    otherYears: update.otherYears ?? profile.otherYears,
    role: update.role ?? profile.role,
    certifications: union(profile.certifications, update.certifications),
    targetCertifications: union(profile.targetCertifications, update.targetCertifications).filter((c) => !union(profile.certifications, update.certifications).includes(c)),
    goals: union(profile.goals, update.goals),
    specialties: union(profile.specialties, update.specialties),
    answered: {
      education: profile.answered.education || !!update.answered.education,
      experience: profile.answered.experience || !!update.answered.experience,
      goals: profile.answered.goals || !!update.answered.goals,
    },
  };
}

/** The next question still to ask, if any. */
export function missingField(profile: PlanProfile): ProfileField | undefined {
  return PROFILE_FIELDS.find((f) => !profile.answered[f]);
}
