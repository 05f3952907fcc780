import { describe, expect, it } from 'vitest';
import { detectPhi, type PhiKind } from '../../src/privacy/index.js';

/** The detected spans as `kind:text` strings, for readable assertions. */
function found(text: string): string[] {
  return detectPhi(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('detectPhi — positives', () => {
  const cases: Array<[string, PhiKind, string]> = [
    ['Patient John Smith came in for a fracture', 'name', 'John Smith'],
    ['pt: Maria Lopez, 67F, c/o chest pain', 'name', 'Maria Lopez'],
    ['Mr. Jones was admitted for CHF', 'name', 'Jones'],
    ['patient Smith, Jennifer; dx J44.1', 'name', 'Smith, Jennifer'],
    ['Kevin Martinez 34M, MVC, seen in ED', 'name', 'Kevin Martinez'],
    ['Linda, my patient, has Parkinson’s', 'name', 'Linda'],
    ['Mr. Feldman, 71, with ESRD', 'name', 'Feldman'],
    ['patient José Muñoz came in', 'name', 'José Muñoz'],
    ['DOB 03/14/1962', 'date', '03/14/1962'],
    ['she was born on March 3, 1980', 'date', 'March 3, 1980'],
    ['D.O.B.: 1958-11-02', 'date', '1958-11-02'],
    ['date of birth 09.23.1985', 'date', '09.23.1985'],
    ['MRN 00482913', 'mrn', '00482913'],
    ['medical record number 0099182736', 'mrn', '0099182736'],
    ['acct #A7734-2210 has a balance', 'account', 'A7734-2210'],
    ['Member ID XJH123456789 was denied', 'health_plan_id', 'XJH123456789'],
    ['SSN 078-05-1120', 'ssn', '078-05-1120'],
    ['social security number 987654321', 'ssn', '987654321'],
    ['the HPI says 219 09 9999', 'ssn', '219 09 9999'],
    ['call (312) 555-0187 today', 'phone', '(312) 555-0187'],
    ['AAPC at 1-800-626-2633', 'phone', '1-800-626-2633'],
    ['her cell 3125550142', 'phone', '3125550142'],
    ['mail jsmith1962@gmail.com now', 'email', 'jsmith1962@gmail.com'],
    ['lives at 1420 Maple Avenue, Springfield, IL 62704 now', 'address', '1420 Maple Avenue, Springfield, IL 62704'],
    ['at 88 Birch Ln Apt 4B', 'address', '88 Birch Ln Apt 4B'],
    ['PO Box 1187, Tulsa, OK 74101', 'address', 'PO Box 1187, Tulsa, OK 74101'],
  ];
  it.each(cases)('%s → %s', (text, kind, value) => {
    expect(found(text)).toContain(`${kind}:${value}`);
  });

  it('reports the value only, keeping the label out of the span', () => {
    expect(found('DOB: 03/14/1962; MRN: 7781204')).toEqual(['date:03/14/1962', 'mrn:7781204']);
  });

  it("reads a log's or export's name key as a patient cue", () => {
    expect(found('checkin_id=KIOSK-4482107 pt_name=Jameson Okoro source=web')).toContain('name:Jameson Okoro');
    expect(found('{"patient_name": "Ama Boateng", "dob": "1950-02-03"}')).toContain('name:Ama Boateng');
    expect(found('what does member_name= mean in the 834 file?')).toEqual([]);
  });

  it('flags later mentions of a patient’s name in the same message', () => {
    expect(found('Mr. Delgado presents with SOB. Later Delgado was put on heparin.')).toEqual([
      'name:Delgado',
      'name:Delgado',
    ]);
  });

  it('prefers the labelled reading when two detectors overlap', () => {
    expect(found('MRN 555-123-4567')).toEqual(['mrn:555-123-4567']);
  });

  it('returns sorted, non-overlapping spans', () => {
    const text = 'Patient Harold Finch | MRN: A-2291-77 | DOB 1/9/1938 | 555-201-3344 | h@x.org';
    const findings = detectPhi(text);
    expect(findings.map((f) => f.kind)).toEqual(['name', 'mrn', 'date', 'phone', 'email']);
    for (let i = 1; i < findings.length; i += 1) {
      expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
    }
  });
});

describe('detectPhi — career questions stay untouched', () => {
  const negatives = [
    'Is E11.9 or E11.65 right for type 2 diabetes? What about S72.001A?',
    'What is the difference between 99213 and 99214, or the range 99202-99215?',
    'Entry-level coders earn $45,000; is $52,000 reasonable with a CPC-A?',
    'Is 2-3 years realistic? Jobs grow 8-10% through 2033.',
    'Should I get the CPC from AAPC, the CCS-P, or the CCS from AHIMA?',
    'My hospital uses Epic and 3M Encoder.',
    'New ICD-10-CM codes take effect October 1st; CPT changes on January 1, 2025.',
    'I was born in 1985. Am I too old to start?',
    'When was ICD-10-CM born? It went live October 1, 2015.',
    'I work in Patient Access Services and want to move into coding.',
    'Is a Patient Care Technician certificate useful?',
    'Dr. Patel, my instructor, says to learn anatomy first.',
    'My supervisor, Ms. Alvarez, wants me to get the CRC.',
    'Mr. Smith, the HIM director, said coders need an RHIT. Is the hospital right?',
    'Name: Jessica, aspiring coder. Is the CPC worth it?',
    'How do I find the member ID on an insurance card?',
    'Does 99213 account for most office visits?',
    'How do I code a 45 y/o male with chest pain?',
    'HCPCS J1885 vs J3301? Category II code 3074F?',
    'I passed the CPC on 3/14/2024 and scored 78%.',
    'What does "pt" mean in "pt denies chest pain"?',
    'Is the Patient Protection and Affordable Care Act why coding jobs grew?',
    'Our team codes roughly 3,200 encounters per month at $2.50 per chart.',
    "Crohn's K50.90 vs Cushing's syndrome E24.9: which one is the CC on the claim for pt 4B?",
    'Is Hodgkin lymphoma C81.90 coded before the chemo encounter?',
    // A condition named after two people, or negated, is no one's name even with no noun after it.
    'Guillain-Barre, Tay-Sachs and Non-Hodgkin diffuse large B-cell: which are CCs?',
    // Written with its accent, and anatomy named after someone.
    'Kawasaki disease M30.3. Guillain-Barré G61.0. Bartholin\'s cyst N75.0. love eponyms',
    // A product glossed by its generic name in lower case opens a chart-like message, not a patient.
    'Eliquis (apixaban) for the pt at home: self-administered, so no J code on the claim?',
    'Any coders in South Dakota or West Virginia hiring remote?',
  ];
  it.each(negatives)('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('detectPhi — eponyms stay names when they name a patient', () => {
  it('still finds a name that WordNet also gives a condition, when no condition or code follows it', () => {
    expect(found("pt Addison's claim for 99213 was denied")).toContain("name:Addison's");
    expect(found("pt Whitaker's E11.9 claim came back")).toContain('name:Whitaker');
    expect(found('Jean-Paul Okafor, DOB 3/4/55, was seen today')).toContain('name:Jean-Paul Okafor');
    expect(found('Okonkwo (pt) was seen for 99213 today')).toContain('name:Okonkwo');
  });
});

describe('detectPhi — robustness', () => {
  it('handles empty and whitespace-only text', () => {
    expect(detectPhi('')).toEqual([]);
    expect(detectPhi(' \n\t ')).toEqual([]);
  });

  it('stays fast on long, adversarial input (no catastrophic backtracking)', () => {
    const inputs = [
      'a'.repeat(50_000),
      'Patient '.repeat(6_000),
      `${'a.'.repeat(20_000)}@`,
      `x@${'b.'.repeat(20_000)}!`,
      'DOB '.repeat(10_000),
      '1 Main '.repeat(7_000),
      'Ab Cd Ef, '.repeat(5_000),
      '9'.repeat(50_000),
    ];
    // Generous bound per input: a regex blow-up would take minutes; the tagger reads ~50 KB in a few seconds.
    for (const text of inputs) {
      const started = performance.now();
      detectPhi(text);
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(6_000);
    }
  });
});

describe('detectPhi — eponyms WordNet does not list', () => {
  it('takes a possessive or hyphenated Title-case word before a condition, body part or code for an eponym in a message about no case', () => {
    expect(found("Barrett's esophagus K22.70 vs K22.710 with low grade dysplasia?")).toEqual([]);
    expect(found('Osgood-Schlatter M92.52-. Legg-Calvé-Perthes M91.1-. any others for the CCS?')).toEqual([]);
    expect(found("hashimoto's E06.3 with hypothyroidism E03.9, code both?")).toEqual([]);
  });

  it('keeps the same shapes as names in a message about a case', () => {
    expect(found('pt Okafor-Reyes E11.9, DOB 3/4/55, A1c 9.1')).toContain('name:Okafor-Reyes');
    expect(found("pt Cartwright's esophagus biopsy: MRN 4471920, 43239 done 6/2")).toContain('name:Cartwright');
  });

  it('reads a word the message uses as an eponym as one everywhere in it, and a hyphenated pair that opens a dictionary term as that term', () => {
    expect(found('Graves\' E05.00 confirmed, but the consult just says "thyroid storm r/o graves" — pt seen 6/3')).toEqual(['date:6/3']);
    expect(found('Tay-Sachs E75.02 carrier screen for the pt, DOB 2/9/91?').filter((f) => f.startsWith('name:'))).toEqual([]);
    expect(found('pt Garcia-Lopez mono B27.00, DOB 2/9/91').filter((f) => f.startsWith('name:'))).toEqual(['name:Garcia-Lopez']);
  });

  it('reads a lower-case name behind a lower-case patient cue, either order', () => {
    expect(found('pt gary lindholm, DOS 2/3, 99214 or 99215?')).toContain('name:gary lindholm');
    expect(found('pt ortiz, maribel came in for 20550')).toContain('name:ortiz, maribel');
    // Words that are no name after the cue stay.
    expect(found('pt will need a modifier on 99213?').filter((f) => f.startsWith('name:'))).toEqual([]);
  });

  it('widens a name over a quoted nickname to its surname, and over the "St." of a surname', () => {
    expect(found('pt Marcus "Bubba" Thibodeaux disputes the 99284')).toContain('name:Marcus "Bubba" Thibodeaux');
    expect(found('ST. GERMAIN, ODILE DOB 3/4/41')).toContain('name:ST. GERMAIN, ODILE');
  });

  it('takes a name said outright to be the patient', () => {
    expect(found('Honor Gable is the patient, 58301 + 58300 same day?')).toContain('name:Honor Gable');
  });

  it('reads a name behind a name label once the message holds an address, and never takes a relative word as an alias', () => {
    expect(found('screen says:\nName: Adeyemi, Folake\nAddr: 40 Elm St Apt 2\nwhy the mismatch?')).toContain('name:Adeyemi, Folake');
    expect(found('contact: Kenji Arai (son) 415-555-0100, pt Sachiko Arai').filter((f) => f.startsWith('name:'))).toEqual(['name:Kenji Arai', 'name:Sachiko Arai']);
  });

  it('reads "Last, First" before a birth date, capitals before an age, and lower-case "last, first" opening a line', () => {
    expect(found('Green, Holly (03/14/1971) denied 97110 x4')).toContain('name:Green, Holly');
    expect(found('FATIMA BINT SAEED AL-HARBI age 93 admitted with J18.9')).toContain('name:FATIMA BINT SAEED AL-HARBI');
    expect(found('tsosie, darnell - registration typed the tribe in the county field, 99213')).toContain('name:tsosie, darnell');
  });
});
