import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';

function found(text: string): string[] {
  return detectPhi(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('dates and ages', () => {
  it('reads a day written as an ordinal word after a month, or before "of" and a month', () => {
    expect(found('pt Lena Ortiz, born August thirty-first, 1929, CHF I50.9')).toContain('date:August thirty-first, 1929');
    expect(found('pt Lena Ortiz seen the third of March for CHF I50.9')).toContain('date:third of March');
    expect(found('pt has CHF I50.9 and a second may be needed').filter((f) => f.startsWith('date:'))).toEqual([]);
  });

  it('takes a weekday with "the" and a day of the month however the clause goes on', () => {
    expect(found('pt Omar Haddad seen Tuesday the 9th (late entry) for I10')).toContain('date:Tuesday the 9th');
  });

  it('takes a month/day without a year as a date in a chart-like message, with its weekday', () => {
    expect(found('pt slipped at work 11/3, seen in ED Tue 11/4. S93.401A?')).toEqual(expect.arrayContaining(['date:11/3', 'date:Tue 11/4']));
    // Every weekday in full as well: "Wednesday" and "Saturday" are not "Wed" and "Sat" plus "day".
    expect(found('pt slipped Saturday 11/8, seen in ED Wednesday 11/12. S93.401A?')).toEqual(expect.arrayContaining(['date:Saturday 11/8', 'date:Wednesday 11/12']));
  });

  it('takes a day of the month after a date label anywhere, and after a weekday in a chart', () => {
    expect(found('newborn question: DOB the 21st. how long do temp ids last?')).toContain('date:21st');
    expect(found('MRN 0045-7719, DOS was the 28th, 99213-25')).toContain('date:28th');
    expect(found('Hyun-woo Park admitted Sunday the 9th w/ DKA, E10.10 first?')).toContain('date:Sunday the 9th');
    // Not a day: an ordinal that counts a noun, or a day in a career question.
    expect(found('for this encounter the 7th character is D, S72.001D')).toEqual([]);
    expect(found('My CPC exam is Saturday the 14th, any tips?')).toEqual([]);
  });

  it('reads an age over 89 with its digits apart, with a unit of age or behind "age", and nothing else so split', () => {
    expect(found('Florence Adjei-Mensah, transcribed as "a 9-0 year old", sepsis A41.51')).toContain('age_over_89:9-0 year old');
    expect(found('rehab stay for Agnes Whitcombe 9 0 y/o, IRF-PAI')).toContain('age_over_89:9 0 y/o');
    expect(found('pt Tomas Reyes AGE: 9 3 fall W19.XXXA')).toContain('age_over_89:9 3');
    expect(found('pt Ana Ruiz 9 2 mg dose? she is 79 yo').filter((f) => f.startsWith('age'))).toEqual([]);
    expect(found('CPT 99213 for a 9 5 year range').filter((f) => f.startsWith('age'))).toEqual([]);
  });

  it('reads an age over 89 again wherever its number stands alone in the message, an EHR\'s "100Y", and one opening brackets after a name', () => {
    expect(found('ocr: "pt F. Oyelaran 9 2 y/o" the 92 got split, key 92 as the age?').filter((f) => f.startsWith('age'))).toEqual(['age_over_89:9 2 y/o', 'age_over_89:92', 'age_over_89:92']);
    expect(found('Tomasa Delgadillo 92 yo, billed $92 and 92% of it, in the 90+ bracket').filter((f) => f.startsWith('age'))).toEqual(['age_over_89:92 yo']);
    // A share is no age, with or without a space before the sign.
    expect(found('pt Ana Ruiz, she is 92% adherent, E11.9').filter((f) => f.startsWith('age'))).toEqual([]);
    expect(found('Name: Castellanos, Hope R | MRN: 880431 | DOB: 02/29/1924 | Age: 100Y')).toContain('age_over_89:100Y');
    expect(found('household: Ramón Delgadillo (self), Tomasa Delgadillo (92, mother-in-law)')).toContain('age_over_89:92');
  });

  it('reads a day of the month closing a clause, a range of two or a quote, in a message about someone', () => {
    expect(found('My dad Clarence Moody was in room 318 from the 5th to the 9th and the bill has 6 days')).toEqual(expect.arrayContaining(['date:5th', 'date:9th']));
    expect(found('Ida Mae Winters turned 104 on the 2nd while inpatient')).toContain('date:2nd');
    expect(found('pt Nkechi Obi wants us to reply "sorry about your visit on the 9th"')).toContain('date:9th');
    // Counting a noun, or in a career question, it is no date.
    expect(found('pt Nkechi Obi: go to the 4th character of S72.001D').filter((f) => f.startsWith('date:'))).toEqual([]);
    expect(found('are claims due by the 15th while the system is down?')).toEqual([]);
  });

  it('reads a month, day and year split by spaces as a date in a chart without a label, and not in a career question', () => {
    expect(found('CMS-1500 box 3 04 17 1948, box 5 88 Glenview Terrace, Apt 2F, Yonkers NY 10701')).toContain('date:04 17 1948');
    expect(found('we bill 12 15 2024 units? no, 99213 for 12 visits')).toEqual([]);
  });

  it('reads three number groups as a date only when the first two could be a month and a day', () => {
    expect(found('E/M 99221-99223 by total time (40/55/75 min), dx I10, seen in ED')).not.toContain('date:40/55/75');
    expect(found('DOB 14/03/1962, dx I10')).toContain('date:14/03/1962');
  });

  it('leaves fractions alone, and a month/day in a career question', () => {
    expect(found('pt takes 1/2 tab daily, dx I10, seen in ED').some((f) => f.includes('1/2'))).toBe(false);
    expect(found('Is 3/4 of my day coding normal for a CPC?')).toEqual([]);
  });

  it('finds ages over 89 written out, as y.o., and after "she\'s" or "turns"', () => {
    expect(found('Odile Brandvold, ninety-six, had 99497 done')).toContain('age_over_89:ninety-six');
    expect(found('a one hundred and two year old, dx R54')).toContain('age_over_89:one hundred and two year old');
    expect(found('coded for a 97 y.o. with E11.9')).toContain('age_over_89:97 y.o.');
    expect(found("she's 91 and on hospice, dx C34.90")).toContain('age_over_89:91');
    expect(found('he turns 90 next week, dx I48.91')).toContain('age_over_89:90');
    expect(found('the summary page still shows his age as 90, dx R41.0')).toContain('age_over_89:90');
    expect(found('the mean age is 92 days for these claims')).toEqual([]);
  });

  it('finds an age right after a found name, with or without a comma', () => {
    const ages = found('every pt this week is old: Millicent Obi 90, Sylvester Grant 97, and Agnes Kowalczyk 92.').filter((f) => f.startsWith('age_over_89'));
    expect(ages).toEqual(['age_over_89:90', 'age_over_89:97', 'age_over_89:92']);
    expect(found('dob 2/3/31 Agnes Pruitt 93 — hip fx S72.001A')).toContain('age_over_89:93');
    expect(found('Millicent Obi 90 units of 96372 billed').some((f) => f.startsWith('age_over_89'))).toBe(false); // a count, not closing a clause
  });

  it('does not read durations or shares as ages', () => {
    expect(found('the global period is 90 days and she turns 90 minutes into overtime')).toEqual([]);
    expect(found('my accuracy is 95% on 99213 audits')).toEqual([]);
  });

  it('reads dates written with dots, year first or with a Roman-numeral month', () => {
    expect(found('DOB 1961.07.23 per the outside records')).toContain('date:1961.07.23');
    expect(found('d.o.b. 14.IX.1938 on the transfer sheet')).toContain('date:14.IX.1938');
  });

  it('takes a day of the month on its own in a case, but not a floor or a count', () => {
    expect(found('pt admitted on the 2nd of May and discharged on the 11th. DRG 194?')).toContain('date:11th');
    expect(found('pt admitted to the 3rd floor, DRG 194?')).not.toContain('date:3rd');
  });

  it('takes an age over 89 after "is" in a case, not a score or a share', () => {
    expect(found('pt Okafor DOB 2/2/1931 is 94. AWV G0438?')).toContain('age_over_89:94');
    expect(found('my practice exam score is 92.')).toEqual([]);
    expect(found('pt MRN 4402871 accuracy is 95%')).not.toContain('age_over_89:95');
  });

  it('takes a bracketed age after a date, "is 90+", and a date split by spaces behind its label', () => {
    expect(found('Ines Okoro, DOB 4/18/1931 (94), seen for I50.9')).toContain('age_over_89:94');
    expect(found('pt Lund DOB 7/2/1990 (35), J45.909')).not.toContain('age_over_89:35');
    expect(found('pt Haddad is 90+ and on hospice, Z51.5')).toContain('age_over_89:90');
    expect(found('BRANDT, OTTO DOB 07 04 1932 seen for R26.81')).toContain('date:07 04 1932');
    expect(found('we had 07 04 2025 on the schedule as three numbers')).toEqual([]);
  });
});

describe('ages with their units and days named by their month', () => {
  it('keeps the unit with an age found by its cue, after "who\'s" too, and takes an age with a unit in brackets after a date', () => {
    expect(found("mom's name is Ida Klein, she's 97 y.o., G-tube change 43762")).toContain('age_over_89:97 y.o');
    expect(found("signs for Doña Pilar Ochoa who's ninety-four. ABN valid?")).toContain('age_over_89:ninety-four');
    expect(found('DOB: 02/11/1931 (94Y) SSN 530-71-4482')).toContain('age_over_89:94Y');
  });

  it('takes "the 3rd of this month" as a date in a case', () => {
    expect(found('Ryan Doyle, SSN 227-84-1190, MVA the 3rd of this month. S22.32XA')).toContain('date:3rd');
  });

  it('reads a number alone in brackets after a name as an age, and a bare "y" between chart separators', () => {
    expect(found('hospice claim for Teodoro Quispe (94) — GW modifier?')).toContain('age_over_89:94');
    expect(found('ABN on Marguerite Lindqvist (97!) for 82607')).toContain('age_over_89:97');
    expect(found('OYELOWO, FUNMI | 102 y | F | MRN 44-118-20')).toContain('age_over_89:102 y');
    // A count in brackets after a name is an age only past 89.
    expect(found('Teodoro Quispe (4) visits this month, 99213 each?').filter((f) => f.startsWith('age'))).toEqual([]);
  });

  it('takes a number over 89 right after a name as the age, with the sex glued to the unit or a unit in another language', () => {
    expect(found('Amadou Diallo 93 on hospice since May, G0299?')).toContain('age_over_89:93');
    expect(found('resident Maren Holt 97yoF stage 3 PI L89.153')).toContain('age_over_89:97yoF');
    expect(found('Graciela Ruiz, 95 años, SNF day 21 coinsurance?')).toContain('age_over_89:95 años');
    expect(found('Amadou Diallo 90 days post op, Z48.81?').filter((f) => f.startsWith('age'))).toEqual([]);
    expect(found('which makes Amadou Diallo about 96 in the note, Z60.2?')).toContain('age_over_89:96');
  });

  it('takes dates written in Spanish, Portuguese, French, Chinese, Japanese or Korean in a case', () => {
    expect(found('pt Lupe Garza se cayó el martes 4 de junio, W19?')).toContain('date:martes 4 de junio');
    expect(found('paciente Ana Lima nasceu 12 de março de 1950, MRN 4411')).toContain('date:12 de março de 1950');
    expect(found('Mme Odile Roux née le 3 février 1941, MRN 8812')).toContain('date:3 février 1941');
    expect(found('pt 田中 DOB 1950年3月4日 MRN 7781')).toContain('date:1950年3月4日');
  });

  it('takes a date opening a field of a comma-separated row, and a day of the month before "then"', () => {
    expect(found('MRN 4471902 export row: ifeoma,7-9-58,99285,J18.9')).toContain('date:7-9-58');
    expect(found('Beatrix Oyelowo MRN 4471902 had 11042 on the 3rd then came back')).toContain('date:3rd');
  });

  it('takes every date of a list a found date opens, and no lab values written with two separators', () => {
    expect(found('Bernadette Oyelaran readmitted 3/2, 3/19 and 3/30 — HRRP?').filter((f) => f.startsWith('date'))).toEqual(['date:3/2', 'date:3/19', 'date:3/30']);
    expect(found('pt Tomas Riegel MRN 4471902, H/H 8.4/26 after surgery, D62?').filter((f) => f.startsWith('date'))).toEqual([]);
  });

  it('takes an age after "be" closing a clause and a spelled age right after a name', () => {
    expect(found('pt Ines Carvalho DOB 1/2/1935, she would be 91 now right?')).toContain('age_over_89:91');
    expect(found('pt Ines Carvalho ninety-two with falls, W19 or Z91.81?')).toContain('age_over_89:ninety-two');
    expect(found('pt Ines Carvalho ninety days post op, Z48.81?').filter((f) => f.startsWith('age'))).toEqual([]);
  });

  it('takes a spelled day of the month after "on the" and a dashed month and day after "on", in a case', () => {
    expect(found('pt Oksana Melnyk had a TKA on the fourteenth and PT started, Z47.1 or Z96.651?')).toContain('date:fourteenth');
    expect(found('Odell Fairweather had a BKA 27880 on 11-02 after osteomyelitis, which dx first?')).toContain('date:11-02');
    // A range of codes or counts after "on" stays.
    expect(found('Odell Fairweather is on 10-15 units of insulin, E11.9 + Z79.4?').filter((f) => f.startsWith('date'))).toEqual([]);
  });
});
