import type { PhiFinding, PhiKind } from './phi-types.js';

// Interface messages pasted from an HL7 v2 feed ("PID|1||448201^^^HOSP^MR||DOE^JANE^Q||19670405|F"),
// and field values quoted by their place ("PID-5 says DOE^JANE", "IN1-16 is "DOE^JOHN""). The
// standard says which field of which segment holds what, so the patient's, next of kin's,
// guarantor's and insured's data are read by position, whatever their case: names (XPN), addresses
// (XAD: street, city and ZIP; the state is no identifier), identifier lists (CX: the id of each
// repetition, an SSN by its type code), birth and death dates, phones, account, SSN and licence
// numbers, the bed a patient lies in and the visit number. Provider, payer and order fields stay.

/** What a field holds: a kind for its whole value, or a data type read by component. */
type FieldReading = PhiKind | 'XPN' | 'XAD' | 'CX';

/** HL7 v2.5.1 field positions (1-based after the segment id) that hold a person's data. */
const FIELDS: Record<string, Record<number, FieldReading>> = {
  PID: { 2: 'CX', 3: 'CX', 4: 'CX', 5: 'XPN', 6: 'XPN', 7: 'date', 9: 'XPN', 11: 'XAD', 13: 'phone', 14: 'phone', 18: 'account', 19: 'ssn', 20: 'certificate_license', 21: 'other_id', 29: 'date' },
  NK1: { 2: 'XPN', 4: 'XAD', 5: 'phone', 6: 'phone', 16: 'date', 37: 'ssn' },
  GT1: { 2: 'CX', 3: 'XPN', 4: 'XPN', 5: 'XAD', 6: 'phone', 7: 'phone', 8: 'date', 12: 'ssn' },
  IN1: { 16: 'XPN', 18: 'date', 19: 'XAD', 36: 'health_plan_id', 49: 'CX' },
  MRG: { 1: 'CX', 7: 'XPN' },
  PV1: { 3: 'other_id', 19: 'account', 44: 'date', 45: 'date' },
};

const SEGMENT = new RegExp(`(?<![A-Za-z0-9])(${Object.keys(FIELDS).join('|')})\\|([^\\n\\r]*)`, 'g');
// "PID-5 says SMITH^ANA", "IN1-16 is "CHEVALIER^MARGUERITE"", "PID-7 19590101": a field named, then its
// value ("PV1-19: PV1|1|…" names a field, then opens a segment).
const FIELD_REFERENCE = new RegExp(`(?<![A-Za-z0-9])(${Object.keys(FIELDS).join('|')})[-.](\\d{1,2})\\b[ \\t]*(?:(?:is|says|was|shows|has|=|:)[ \\t]*)?["“']?([^\\s"”'|,;]+)(?![^\\s"”'|,;]|\\|)`, 'g');
// A segment's last field runs on into the chat around it: it ends where prose starts.
const PROSE = /\s+[—–-]\s|\s{2,}|[,;?!]\s|\s+(?=\p{Ll}{2,}\s)/u;

interface Part {
  value: string;
  start: number;
}

/** Finds patient data in HL7 v2 segments and quoted field values (see the module comment). */
export function detectHl7(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(SEGMENT)) {
    const fields = split({ value: m[2]!, start: m.index + m[1]!.length + 1 }, '|');
    const last = fields.at(-1)!;
    last.value = last.value.split(PROSE)[0]!;
    fields.forEach((field, i) => found.push(...read(field, FIELDS[m[1]!]![i + 1])));
  }
  found.push(...readByShape(text));
  for (const m of text.matchAll(FIELD_REFERENCE)) {
    const value = m[3]!;
    if (!value.includes('^') && !/\d/.test(value)) continue;
    found.push(...read({ value, start: m.index + m[0].length - value.length }, FIELDS[m[1]!]![Number(m[2])]));
  }
  return found.filter((f) => f.end > f.start);
}

// A line of bars and carets, from a feed the positions above do not cover or miscounted by hand ("ADT^A03|V00884120|
// MACGREGOR^FIONA^R|…|DISCH TO 112 HARBOR VIEW LN^^BAR HARBOR^ME^04609"): a field of two or three
// words in capitals joined by carets has a person name's shape (XPN), and one whose fifth component
// is a ZIP an address's (XAD), in whichever field it stands. Segments that name staff, orders and results are not read so.
// At least three bars: a feed's line, not a choice written "DRG^MS|CC^MCC".
const FIELD_LINE = /^(?=(?:[^\n|]*\|){3})[^\n]*\^[^\n]*$/gm;
const XPN_SHAPE = /^[A-Z][A-Z'’-]+\^[A-Z][A-Z'’-]+(?:\^[A-Z]?)?\^*$/;
const XAD_ZIP = /^\d{5}(?:-\d{4})?$/;
const STAFF_SEGMENTS = /^(?:MSH|EVN|ORC|OBR|OBX|TXA|PRD|ROL|STF|PRA|AIP|AIG|SCH|RXA|RXO|RXE|FT1|DG1|PR1)$/;

function readByShape(text: string): PhiFinding[] {
  return [...text.matchAll(FIELD_LINE)].flatMap((m) => {
    const fields = split({ value: m[0], start: m.index }, '|');
    const segment = fields[0]!.value.trim();
    if (STAFF_SEGMENTS.test(segment)) return [];
    // A known segment's fields that hold a person's data are read by position already.
    return fields.flatMap((field, i) => {
      if (FIELDS[segment]?.[i]) return [];
      const value = field.value.split(PROSE)[0]!;
      if (XPN_SHAPE.test(value)) return [span(trimCarets({ value, start: field.start }), 'name')];
      const components = value.split('^');
      return components.length === 5 && XAD_ZIP.test(components[4]!) ? read({ value, start: field.start }, 'XAD') : [];
    });
  });
}

function read(field: Part, reading: FieldReading | undefined): PhiFinding[] {
  if (!reading || !field.value.trim()) return [];
  switch (reading) {
    case 'XPN':
      return split(field, '~').map((r) => span(trimCarets(r), 'name'));
    case 'XAD':
      return split(field, '~').flatMap((r) => {
        const [street, other, city, , zip] = split(r, '^');
        return [...[street, other, city].map((p) => p && span(p, 'address')), zip && span(zip, 'zip')].filter((f): f is PhiFinding => !!f);
      });
    case 'CX':
      return split(field, '~').map((r) => {
        const parts = split(r, '^');
        return span(parts[0]!, parts[4]?.value === 'SS' ? 'ssn' : 'mrn');
      });
    default:
      return [span(trimCarets(field), reading)];
  }
}

function split(part: Part, separator: string): Part[] {
  const parts: Part[] = [];
  let start = part.start;
  for (const value of part.value.split(separator)) {
    parts.push({ value, start });
    start += value.length + 1;
  }
  return parts;
}

/** A name or value without the empty components after it ("NDIAYE^MOUSSA^^^^"). */
function trimCarets(part: Part): Part {
  return { value: part.value.replace(/\^+$/, ''), start: part.start };
}

function span(part: Part, kind: PhiKind): PhiFinding {
  return { kind, start: part.start, end: part.start + part.value.length };
}
