import { detectAddresses } from './detect-address.js';
import { detectEmails, detectPhones, detectSsns } from './detect-contact.js';
import { detectBirthDates, detectRecordNumbers } from './detect-identifiers.js';
import { detectNames } from './detect-names.js';
import type { PhiFinding, PhiKind } from './phi-types.js';

// When two detectors claim overlapping text, the more specific one wins:
// labelled detections ("MRN 555-123-4567") beat shape-only ones (phone), and
// an email beats the name or digits inside it.
const PRIORITY: Record<PhiKind, number> = {
  email: 7,
  mrn: 6,
  dob: 5,
  ssn: 4,
  phone: 3,
  address: 2,
  name: 1,
};

/**
 * Finds patient data in free text. Returns non-overlapping findings sorted by
 * position. Tuned for precision on career questions: ICD-10/CPT codes,
 * salaries, years and plain dates are never flagged without a PHI label.
 */
export function detectPhi(text: string): PhiFinding[] {
  const candidates = [
    ...detectEmails(text),
    ...detectSsns(text),
    ...detectPhones(text),
    ...detectBirthDates(text),
    ...detectRecordNumbers(text),
    ...detectAddresses(text),
    ...detectNames(text),
  ];
  return resolveOverlaps(candidates);
}

function resolveOverlaps(candidates: PhiFinding[]): PhiFinding[] {
  const ranked = [...candidates].sort(
    (a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PhiFinding[] = [];
  for (const c of ranked) {
    if (c.end > c.start && !kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
