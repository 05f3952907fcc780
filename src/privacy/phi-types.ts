/** Every kind of patient data the guard knows how to find. */
export const PHI_KINDS = ['name', 'dob', 'mrn', 'ssn', 'phone', 'email', 'address'] as const;

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
