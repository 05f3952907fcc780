import { areaName, type FocusArea } from '../guide/focus-areas.js';
import type { PlanGoal } from './general-goals.js';
import type { ProfileVocabulary } from './plan-vocabulary.js';

export type { PlanGoal } from './general-goals.js';

/** Highest education reached, in increasing order. */
export const EDUCATION_LEVELS = ['none', 'high-school', 'in-program', 'program', 'associate', 'bachelor', 'master'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

/** The three things the guided conversation asks about. */
export type ProfileField = 'education' | 'experience' | 'goals';
export const PROFILE_FIELDS: readonly ProfileField[] = ['education', 'experience', 'goals'];

/** What we know about the person asking for a plan. */
export interface PlanProfile {
  education?: Education;
  /** Their program or degree is in the guide's field, so it counts as the training the guide asks for. */
  fieldTraining?: boolean;
  /** Years of work in the guide's field. */
  fieldYears?: number;
  /** Years in other work (e.g. as a receptionist). */
  otherYears?: number;
  role?: string;
  /** Hours a week they can give to it, when they said ("10 hours a week"). */
  hoursPerWeek?: number;
  /** Credentials they hold (acronyms as the guide spells them). */
  certifications: string[];
  /** Credentials they say they want. */
  targetCertifications: string[];
  goals: PlanGoal[];
  /** The guide's focus areas they named (work settings, specialisations, advancement paths), by name as the guide writes it. */
  focusAreas: string[];
  answered: Record<ProfileField, boolean>;
}

/** What one message told us; `answered` marks the fields it settles. */
export type ProfileUpdate = Omit<Partial<PlanProfile>, 'answered'> & { answered: Partial<Record<ProfileField, boolean>> };

export function emptyProfile(): PlanProfile {
  return { certifications: [], targetCertifications: [], goals: [], focusAreas: [], answered: { education: false, experience: false, goals: false } };
}

/** One example area of each kind the guide names ("hospital pharmacies, nuclear pharmacy technician"). */
function areaExamples(areas: readonly FocusArea[]): string[] {
  const kinds: Array<FocusArea['kind']> = ['setting', 'specialization', 'path'];
  return kinds.map((kind) => areas.find((a) => a.kind === kind)).filter((a): a is FocusArea => !!a).map(areaName);
}

/** The goals question: everyday directions, then the guide's own focus areas, or plainly that it names none. */
function goalsQuestion(vocabulary: ProfileVocabulary): string {
  const examples = areaExamples(vocabulary.areas);
  const fromGuide = examples.length
    ? `, or an area the guide names, such as ${examples.join(', ')}`
    : '. (This guide names no work settings, specialisations or advancement paths, so the plan will be a general one.)';
  return `What are you aiming for? For example: working remotely, management, teaching${fromGuide}. “Not sure” is fine too.`.replace('.).', '.)');
}

/** The question for a field, with examples from the guide (its field, a credential, its focus areas). */
export function planQuestion(field: ProfileField, vocabulary: ProfileVocabulary): string {
  const inField = vocabulary.field ? `${vocabulary.field} ` : '';
  const credential = vocabulary.certifications[0];
  switch (field) {
    case 'education':
      return `What education do you have so far? For example: a high school diploma or GED, a ${inField}training program (finished or in progress), or an associate’s or bachelor’s degree.`;
    case 'experience':
      return `What ${inField}experience do you have, and what is your current job? Mention any certification you already hold. For example: “none, I work in retail” or “3 years in ${vocabulary.field ?? 'the field'}${credential ? `, ${credential}` : ''}”.`;
    case 'goals':
      return goalsQuestion(vocabulary);
  }
}

/** The questions with no guide's examples (kept for callers that show them outside a plan). */
export const PLAN_QUESTIONS: Readonly<Record<ProfileField, string>> = {
  education: planQuestion('education', { certifications: [], areas: [] }),
  experience: planQuestion('experience', { certifications: [], areas: [] }),
  goals: planQuestion('goals', { certifications: [], areas: [] }),
};

/** Adds newly read facts to a profile (later answers add to, and for scalars replace, earlier ones). */
export function mergeProfile(profile: PlanProfile, update: ProfileUpdate): PlanProfile {
  const union = <T>(a: T[], b: T[] | undefined) => [...new Set([...a, ...(b ?? [])])];
  const higher = (a?: Education, b?: Education) => (a && b ? (EDUCATION_LEVELS.indexOf(b) > EDUCATION_LEVELS.indexOf(a) ? b : a) : (b ?? a));
  const held = union(profile.certifications, update.certifications);
  return {
    ...profile,
    education: higher(profile.education, update.education),
    fieldTraining: (profile.fieldTraining ?? false) || (update.fieldTraining ?? false),
    fieldYears: update.fieldYears ?? profile.fieldYears,
    otherYears: update.otherYears ?? profile.otherYears,
    role: update.role ?? profile.role,
    hoursPerWeek: update.hoursPerWeek ?? profile.hoursPerWeek,
    certifications: held,
    targetCertifications: union(profile.targetCertifications, update.targetCertifications).filter((c) => !held.includes(c)),
    goals: union(profile.goals, update.goals),
    focusAreas: union(profile.focusAreas, update.focusAreas),
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
