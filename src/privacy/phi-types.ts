/**
 * Every kind of patient data the guard knows how to find: the HIPAA Safe Harbor identifiers
 * (45 CFR 164.514(b)(2)) that can appear in a typed message. Biometrics and full-face photos
 * cannot arrive as text and are not listed.
 */
export const PHI_KINDS = [
  'name',
  'address',
  'zip',
  'date',
  'age_over_89',
  'phone',
  'fax',
  'email',
  'ssn',
  'mrn',
  'health_plan_id',
  'account',
  'certificate_license',
  'vehicle',
  'device',
  'url',
  'ip',
  'other_id',
] as const;

/** One kind of patient data (PHI). */
export type PhiKind = (typeof PHI_KINDS)[number];

/**
 * A span of `text` that looks like patient data: `text.slice(start, end)`.
 * The matched characters are deliberately not copied into the finding, so
 * that logging findings (e.g. for metrics) can never leak the PHI itself.
 */
export interface PhiFinding {
  kind: PhiKind;
  start: number;
  end: number;
}
