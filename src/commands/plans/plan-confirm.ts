import type { KnowledgeIndex } from '../../index/index.js';
import { understoodParts, type UnderstoodPart } from './career-plan.js';
import type { PlanProfile, ProfileField, ProfileUpdate } from './plan-profile.js';
import type { ProfileVocabulary } from './plan-vocabulary.js';
import { parseProfileText } from './read-profile.js';

type GuideIndex = Pick<KnowledgeIndex, 'documents' | 'glossary'>;

/**
 * The check before a plan is built: what was understood, part by part, and how to confirm or
 * correct it. Both ways into a plan (one line, or the questions one at a time) end here.
 */
export function confirmQuestion(index: GuideIndex, profile: PlanProfile): string {
  const parts = understoodParts(index, profile);
  const example = parts.find((p) => p.label === 'goal')?.text.startsWith('not decided') ? 'goal: remote work' : 'education: associate’s degree';
  return `Here is what I understood: ${parts.map((p) => `${p.label}: ${p.text}`).join('; ')}. Reply **yes** to build the plan, or correct any part (e.g. “${example}”).`;
}

// A correction may name the part it changes with the summary's own labels ("goal: hospital work").
const LABEL = /\b(education|experience|certifications?|time|hours|goals?)\s*:/gi;

/** The question each label answers, for reading the text after it. */
const LABEL_FIELD: Record<UnderstoodPart['label'], ProfileField | undefined> = {
  education: 'education',
  experience: 'experience',
  certification: 'experience',
  time: undefined,
  goal: 'goals',
};

function labelOf(word: string): UnderstoodPart['label'] {
  const w = word.toLowerCase();
  if (w.startsWith('certification')) return 'certification';
  if (w === 'hours') return 'time';
  if (w.startsWith('goal')) return 'goal';
  return w as UnderstoodPart['label'];
}

/** The labelled parts of a correction ("education: GED, goal: remote" → two parts); none when it has no label. */
function labelledParts(text: string): Array<{ label: UnderstoodPart['label']; text: string }> {
  const marks = [...text.matchAll(LABEL)];
  return marks.map((m, i) => ({ label: labelOf(m[1]!), text: text.slice(m.index! + m[0].length, marks[i + 1]?.index ?? text.length).replace(/[,;.\s]+$/, '').trim() }));
}

/** True when a reply opens with one of the summary's labels ("goal: hospital work"). */
export function isLabelledCorrection(text: string): boolean {
  return new RegExp(`^\\s*${LABEL.source}`, 'i').test(text);
}

/** What a labelled part says replaces that part: "certification: none" clears the credentials held. */
function replacePart(profile: PlanProfile, label: UnderstoodPart['label'], update: ProfileUpdate): PlanProfile {
  switch (label) {
    case 'education':
      return update.education ? { ...profile, education: update.education, fieldTraining: update.fieldTraining ?? false } : profile;
    case 'experience':
      return { ...profile, fieldYears: update.fieldYears, otherYears: update.otherYears, role: update.role, certifications: update.certifications ?? profile.certifications };
    case 'certification':
      return { ...profile, certifications: update.certifications ?? [] };
    case 'time':
      return { ...profile, hoursPerWeek: update.hoursPerWeek };
    case 'goal':
      return { ...profile, goals: update.goals ?? [], focusAreas: update.focusAreas ?? [], targetCertifications: update.targetCertifications ?? [] };
  }
}

/** An unlabelled correction ("actually I have an associate’s degree") replaces only the parts it speaks of. */
function replaceSaid(profile: PlanProfile, update: ProfileUpdate): PlanProfile {
  let next = profile;
  if (update.education) next = replacePart(next, 'education', update);
  if (update.fieldYears !== undefined || update.otherYears !== undefined || update.role) next = { ...next, fieldYears: update.fieldYears ?? next.fieldYears, otherYears: update.otherYears ?? next.otherYears, role: update.role ?? next.role };
  if (update.certifications) next = replacePart(next, 'certification', update);
  if (update.hoursPerWeek) next = replacePart(next, 'time', update);
  if (update.goals || update.targetCertifications) next = replacePart(next, 'goal', update);
  return next;
}

/** The profile with a correction applied; the same profile object when nothing could be read from it. */
export function correctProfile(profile: PlanProfile, text: string, vocabulary: ProfileVocabulary): PlanProfile {
  const parts = labelledParts(text);
  let next = parts.length
    ? parts.reduce((p, part) => replacePart(p, part.label, parseProfileText(part.label === 'time' ? `${part.text} hours a week` : part.text, vocabulary, LABEL_FIELD[part.label])), profile)
    : replaceSaid(profile, parseProfileText(text.replace(/^\s*(?:no|nope|not quite|actually|wait)\b[\s,.!-]*/i, ''), vocabulary));
  next = { ...next, targetCertifications: next.targetCertifications.filter((c) => !next.certifications.includes(c)) };
  return JSON.stringify(next) === JSON.stringify(profile) ? profile : next;
}
