import { stem } from './tokenize.js';

/**
 * Career-question vocabulary mapped to the words guides use. Groups are symmetric: any member
 * expands to the others. Kept small and domain-general on purpose: it should help a paraphrase
 * find the guide's wording, not teach the bot answers.
 */
const GROUPS: string[][] = [
  ['salary', 'salaries', 'pay', 'paid', 'earn', 'earning', 'earnings', 'make', 'wage', 'wages', 'income', 'compensation', 'money'],
  ['certification', 'certifications', 'certificate', 'cert', 'certs', 'credential', 'credentials', 'certified'],
  ['remote', 'remotely', 'home', 'telework', 'wfh'],
  ['keep', 'maintain', 'renew', 'renewal', 'active'],
  ['manager', 'managers', 'management', 'director', 'directors', 'leadership', 'supervisor', 'boss'],
  ['error', 'errors', 'mistake', 'mistakes'],
  ['demand', 'in-demand', 'sought', 'popular', 'need'],
  ['growth', 'grow', 'growing', 'outlook', 'projection', 'projections'],
  ['software', 'tool', 'tools', 'system', 'systems', 'platform', 'platforms', 'application', 'applications'],
  ['resume', 'cv'],
  ['degree', 'degrees', 'bachelor', 'associate', 'master'],
  ['education', 'school', 'schooling', 'training', 'program', 'course', 'courses'],
  ['exam', 'exams', 'examination', 'test'],
  ['job', 'jobs', 'position', 'positions', 'role', 'roles', 'employment'],
  ['workplace', 'setting', 'settings', 'environment', 'employer', 'employers'],
  ['physician', 'doctor', 'provider', 'providers'],
  ['hospital', 'hospitals', 'inpatient'],
  ['skill', 'skills', 'ability', 'abilities'],
  ['soft', 'competency', 'competencies', 'interpersonal'],
  ['unclear', 'ambiguous', 'incomplete', 'vague'],
  ['update', 'updates', 'change', 'changes', 'current'],
  ['auditor', 'auditing', 'audit', 'audits'],
  ['specialty', 'specialties', 'specialization', 'specializations', 'specialize'],
  ['experience', 'experienced', 'senior'],
  ['beginner', 'beginners', 'entry-level', 'new', 'junior', 'starting'],
  ['stress', 'stressful', 'pressure'],
  ['ceu', 'ceus', 'credit', 'credits', 'continuing'],
  ['worth', 'value', 'valuable', 'benefit', 'benefits', 'improves'],
  ['less', 'lower', 'fewer', 'reduced', 'cheaper'],
  ['recession-proof', 'recession-resistant', 'recession', 'stable'],
];

const EXPANSIONS = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = group.map(stem);
  for (const s of stems) {
    const set = EXPANSIONS.get(s) ?? new Set<string>();
    for (const other of stems) if (other !== s) set.add(other);
    EXPANSIONS.set(s, set);
  }
}

/** Stemmed synonyms of a stemmed term (excluding the term itself). */
export function synonymsOf(stemmedTerm: string): ReadonlySet<string> {
  return EXPANSIONS.get(stemmedTerm) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
