import type { PhiFinding, PhiKind } from './phi-types.js';

// Claim snippets pasted from an 837 (ASC X12): segments of `*`-separated elements ending in `~`
// or a line end. The standard says which element holds what, so the patient's and subscriber's
// data are read by position, whatever their case ("NM1*IL*1*DOE*JANE****MI*123~"):
// NM1 names and member ids (for the subscriber IL, patient QC, other insured GB and responsible
// party QD only: provider and payer loops are no patient data), N3 street lines, N4 city and
// ZIP, DMG birth dates, REF*SY social security numbers and other REF identifiers.

const SEGMENT = /(?<![A-Z0-9])(NM1|N3|N4|DMG|REF)\*([^~\n]*)/g;
const PERSON_ENTITIES = new Set(['IL', 'QC', 'GB', 'QD']);
/** NM1 element positions (1-based after the segment id) and what they hold. */
const NM1_NAME_ELEMENTS = [3, 4, 5];
const NM1_ID_ELEMENT = 9;

/** Finds patient data in X12 837 segments (see the module comment). */
export function detectX12(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(SEGMENT)) {
    const elements = splitElements(m[2]!, m.index + m[1]!.length + 1);
    found.push(...segmentFindings(m[1]!, elements));
  }
  return found.filter((f) => f.end > f.start);
}

interface Element {
  value: string;
  start: number;
}

function splitElements(body: string, offset: number): Element[] {
  const elements: Element[] = [];
  let start = 0;
  for (const value of body.split('*')) {
    elements.push({ value, start: offset + start });
    start += value.length + 1;
  }
  return elements;
}

function segmentFindings(id: string, elements: Element[]): PhiFinding[] {
  const at = (n: number) => elements[n - 1];
  const span = (e: Element | undefined, kind: PhiKind): PhiFinding[] => (e && e.value.trim() ? [{ kind, start: e.start, end: e.start + e.value.length }] : []);
  switch (id) {
    case 'NM1':
      if (!PERSON_ENTITIES.has(at(1)?.value ?? '')) return [];
      return [...NM1_NAME_ELEMENTS.flatMap((n) => span(at(n), 'name')), ...span(at(NM1_ID_ELEMENT), at(8)?.value === 'MI' ? 'health_plan_id' : 'other_id')];
    case 'N3':
      return [...span(at(1), 'address'), ...span(at(2), 'address')];
    case 'N4':
      return [...span(at(1), 'address'), ...span(at(3), 'zip')];
    case 'DMG':
      return span(at(2), 'date');
    case 'REF':
      return span(at(2), at(1)?.value === 'SY' ? 'ssn' : 'other_id');
    default:
      return [];
  }
}
