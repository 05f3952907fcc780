import type { ProfileVocabulary } from './plan-vocabulary.js';

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
  /** Guide specializations they named (as the guide writes them). */
  specialties: string[];
  answered: Record<ProfileField, boolean>;
}

/** What one message told us; `answered` marks the fields it settles. */
export type ProfileUpdate = Omit<Partial<PlanProfile>, 'answered'> & { answered: Partial<Record<ProfileField, boolean>> };

export function emptyProfile(): PlanProfile {
  return { certifications: [], targetCertifications: [], goals: [], specialties: [], answered: { education: false, experience: false, goals: false } };
}

/** The question for a field, with examples from the guide (its field, a credential, a specialty). */
export function planQuestion(field: ProfileField, vocabulary: ProfileVocabulary): string {
  const inField = vocabulary.field ? `${vocabulary.field} ` : '';
  const credential = vocabulary.certifications[0];
  const specialty = vocabulary.specialties.find((s) => !/^(?:in|out)patient\b/i.test(s));
  switch (field) {
    case 'education':
      return `What education do you have so far? For example: a high school diploma or GED, a ${inField}training program (finished or in progress), or an associate’s or bachelor’s degree.`;
    case 'experience':
      return `What ${inField}experience do you have, and what is your current job? Mention any certification you already hold. For example: “none, I work in retail” or “3 years in ${vocabulary.field ?? 'the field'}${credential ? `, ${credential}` : ''}”.`;
    case 'goals':
      return `What are you aiming for? For example: working remotely, auditing or compliance, management, teaching${specialty ? `, or a specialty such as ${specialty.replace(/\b[A-Z][a-z]+\b/g, (w) => w.toLowerCase())}` : ''}. “Not sure” is fine too.`;
  }
}

/** The questions with no guide's examples (kept for callers that show them outside a plan). */
export const PLAN_QUESTIONS: Readonly<Record<ProfileField, string>> = {
  education: planQuestion('education', { certifications: [], specialties: [] }),
  experience: planQuestion('experience', { certifications: [], specialties: [] }),
  goals: planQuestion('goals', { certifications: [], specialties: [] }),
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
