import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';
import { detectNamesByRelation } from '../../src/privacy/detect-names-by-relation.js';
import { tagTerms } from '../../src/privacy/detect-names-nlp.js';
import { guideVocabulary } from '../helpers/guide-vocabulary.js';

// Names whose words are English words too, found from the census name lists and where the words
// stand (src/privacy/detect-names-census.ts). The vocabulary is the second guide's, so nothing
// here is fitted to the coding guide.
const vocabulary = guideVocabulary(new URL('../fixtures/guides/pharmacy-technician-guide.md', import.meta.url));

function found(text: string, kind = 'name'): string[] {
  return detectPhi(text, { vocabulary })
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

describe('names from census evidence and position', () => {
  it('takes a Title-case given name before a word no dictionary knows', () => {
    expect(found('Patience Ndlovu called about her 99213 bill')).toEqual(['Patience Ndlovu']);
  });

  it('takes a Title-case given name before a census surname in a chart-like message', () => {
    expect(found('Ivy Marsh came in for a f/u, J20.9 or J06.9?')).toEqual(['Ivy Marsh']);
  });

  it('takes a given name and surname in capitals in a chart-like message', () => {
    expect(found('DORA FINCH is how the wristband reads, admitted for I10')).toEqual(['DORA FINCH']);
  });

  it('takes a lower-case given name and surname opening a line or before a code', () => {
    expect(found('june baker — DOS 3/4, 99214 + 36415')).toContain('june baker');
    expect(found('billed 99213 for faith cooper, 99213 again next week?')).toContain('faith cooper');
  });

  it('takes a lower-case given name and a surname that is no English word anywhere in a chart-like message', () => {
    expect(found('pt voicemail: hi this is earl, earl haskins, call me back, dx I10')).toEqual(['earl', 'earl haskins']);
    // An English surname still needs the name to open a line or stand before a date or code.
    expect(found('pt voicemail: the june cook said hi, dx I10')).toEqual([]);
  });

  it('takes a lone given name opening a chart-like message when set off', () => {
    expect(found('hope (only a first name on the note) + MRN 445120, DOS 6/2')).toContain('hope');
  });

  it('never takes function words, interjections or career phrases for names', () => {
    expect(found('my patient was seen 3/4, is 99213 right?')).toEqual([]);
    expect(found('ugh, MRN 4451209 again and no DOS on the claim')).toEqual([]);
    expect(found('Grant writing jobs for CPhT holders, 99213 billing experience?')).toEqual([]);
    expect(found('Black Friday sale on exam prep, 99213 coding course')).toEqual([]);
  });
});

describe('initials, relatives and other names of a found person', () => {
  it('takes dotted initials and an initial before a surname in a chart-like message', () => {
    expect(found('chart for K.L. DOS 6/2, 99213')).toEqual(['K.L.']);
    expect(found('note says "P. Ostrowski seen 5/5 for 99213"')).toEqual(['P. Ostrowski']);
    // Two initials before the surname are one name.
    expect(found('honestly T.J. Okafor readmitted again 2/4, 99223 or 99233?')).toEqual(['T.J. Okafor']);
  });

  it('takes "SURNAME GIVEN I" in capitals without a comma, not English or guide words', () => {
    expect(found('ODUYA KEMI T — 99223 or 99222 for this admit?')).toEqual(['ODUYA KEMI T']);
    expect(found('URGENT CARE A visits, 99204?')).toEqual([]);
  });

  it('takes two given names before one surname as a family, though every word is English too', () => {
    expect(found('the waiver for Lane Cotton was signed by Joy Cotton — still valid?')).toEqual(['Lane Cotton', 'Joy Cotton']);
    // One pair alone is not enough.
    expect(found('the waiver for Lane Cotton was signed — still valid?')).toEqual([]);
  });

  it('takes the given name after a found surname and a comma, in the same case', () => {
    expect(found('encoder shows quintero-velez, alma — DRG 190 or 191? MRN 40021')).toContain('quintero-velez, alma');
  });

  it('takes a lower-case "last, first" right before a number anywhere in a line, not only opening it', () => {
    expect(found('the H&P for brannigan, maureen 6/2/39 has no signature, hold it?')).toEqual(['brannigan, maureen']);
    // English words in that order are a list, not a name.
    expect(found('reviewing coding, billing 4 days a week')).toEqual([]);
  });

  it('leaves credentials and abbreviations written with dots alone', () => {
    expect(found('I am an R.N. moving into coding, seen 5/5 clinic volumes, 99213')).toEqual([]);
    expect(found('U.S. coders: DOS 5/5 rules for 99213?')).toEqual([]);
  });

  it('takes the owner of a relative and a word with its relation in parentheses', () => {
    const byRelation = (text: string) => detectNamesByRelation(text, tagTerms(text), vocabulary).map((f) => text.slice(f.start, f.end));
    expect(byRelation("Marisol's husband called about the 99213 bill")).toEqual(['Marisol']);
    expect(byRelation('Keoni (grandson) brought her in, I10')).toEqual(['Keoni']);
    expect(byRelation("Patient's daughter called about the 99213 bill")).toEqual([]);
    expect(found('Keoni (grandson) brought her in, I10')).toEqual(['Keoni']);
  });

  it('takes a word in parentheses with a patient cue, and an unknown word that owns a record', () => {
    const byRelation = (text: string) => detectNamesByRelation(text, tagTerms(text), vocabulary).map((f) => text.slice(f.start, f.end));
    expect(byRelation('so Adaeze (pt) came in twice for J06.9')).toEqual(['Adaeze']);
    expect(byRelation("I've had Wojcikowski's claim open all morning")).toEqual(['Wojcikowski']);
    expect(byRelation("the Medicare's claim rules for 99213")).toEqual([]);
    expect(byRelation("Grace's account of the audit was clear")).toEqual([]);
    // A chart is the patient's record; in lower case only a word no dictionary knows owns one.
    expect(byRelation("who has Nwachukwu's chart open?")).toEqual(['Nwachukwu']);
    expect(byRelation("who has nwachukwu's chart open?")).toEqual(['nwachukwu']);
    expect(byRelation("the doctor's chart was late")).toEqual([]);
    // Two words: a given name and a surname that may be an English word, owning a record.
    expect(byRelation("but Gideon Marsh's note just says fracture of left wrist")).toEqual(['Gideon Marsh']);
    expect(byRelation("Hollis Church's op note is vague")).toEqual(['Hollis Church']);
    expect(byRelation("Does Mercy Hospital's chart audit count toward CEUs?")).toEqual([]);
    // A relative word introduces the name after it.
    expect(byRelation('80 y.o. female here w/ daughter June re: distal radius fx')).toEqual(['June']);
    expect(byRelation('my son Tavita Fale called about the 99213 bill')).toEqual(['Tavita Fale']);
    expect(byRelation('is a Daughter Cell Count billed with 85025?')).toEqual([]);
  });

  it('takes an alias in parentheses and a lower-case repeat of an unknown name word', () => {
    expect(found('Eleanor Vantwest (goes by nell), DOS 2/2, 99213')).toEqual(['Eleanor Vantwest', 'nell']);
    // A quoted word in capitals after a name in capitals is its nickname, even an English word.
    expect(found('DECEDENT: HARGROVE, WILLIAM "WILL" E\nDATE OF DEATH: MAY 30 2024')).toEqual(expect.arrayContaining(['HARGROVE, WILLIAM', 'WILL']));
    expect(found('Ottavia Renwick called; ottavia wants the 99213 bill')).toEqual(['Ottavia Renwick', 'ottavia']);
  });

  it('takes a given name before a surname of a found name as the same person', () => {
    expect(found('Bartholomew Quillfeather, DOB 1/2/1950; later bart quillfeather phoned')).toEqual(['Bartholomew Quillfeather', 'bart quillfeather']);
  });

  it("takes a given name or initials right before a found name mid-sentence, an elided d' included", () => {
    expect(found('"D\'Angelo Whitfield was seen in clinic last Thursday, 11/14"')).toEqual(["D'Angelo Whitfield"]);
    expect(found("help. d'andre wallace 12/01/2001 mva, plate KDP-4471")).toContain("d'andre wallace");
    // Dotted initials right before a found name are its own.
    expect(found('J.R. Tolliver DOS 5/17, 27447 right TKA')).toEqual(['J.R. Tolliver']);
    expect(found('pt j. r. tolliver seen 5/17, 27447')).toContain('j. r. tolliver');
  });
});

describe('ages, dates and identifiers found this round', () => {
  it('takes a given name in any case right before a bed or room in a chart-like message', () => {
    expect(found('quick one: daisy in bed 5E-12 had a fall, W19.XXXA')).toEqual(['daisy']);
    expect(found('Marisol in rm 218-A, CAUTI T83.511A?')).toEqual(['Marisol']);
    expect(found('pt in bed 4 fell, W19.XXXA')).toEqual([]);
    // A capitalised word no dictionary knows lies there too; a unit's short acronym does not.
    expect(found('KOWALCZYK in room 714 is going to hospice tmrw, discharge or status change?')).toEqual(['KOWALCZYK']);
    expect(found('ICU in room 4 had the CVC placed, 02HV33Z?')).toEqual([]);
  });

  it('takes an age set off right after a name, and an age written out and set off', () => {
    expect(found('Hollis Brandtner, 96, seen 4/4 for I10', 'age_over_89')).toEqual(['96']);
    expect(found('lives alone — ninety-two, admitted 4/4 for I10', 'age_over_89')).toEqual(['ninety-two']);
    expect(found('modifiers 25, 59, 91, 95: which one for 99213?', 'age_over_89')).toEqual([]);
  });

  it('takes the end of a date range', () => {
    expect(found('inpatient DOS 03/02/24-03/05/24, DRG 871', 'date')).toEqual(['03/02/24', '03/05/24']);
  });

  it('takes the last four digits of a card, a user name, a unit before its street and a territory ZIP', () => {
    expect(found('paid with visa ending in 5521 for 99213', 'account')).toEqual(['5521']);
    expect(found('portal login mara_k88 is locked', 'other_id')).toEqual(['mara_k88']);
    expect(found('Flat 4, 22 Wexford Rd, Galway', 'address')).toContain('Flat 4');
    expect(found('mail it to Charlotte Amalie, VI 00802', 'zip')).toEqual(['00802']);
    expect(found('her car, plate SUN-GIRL, was in the lot', 'vehicle')).toEqual(['SUN-GIRL']);
  });
});

describe('a surname first, in capitals, as charts and claim lines write it', () => {
  it('is a name when the word after the comma is a given name', () => {
    expect(found('EHR shows SOKOLOVA, ANASTASIA twice, which one do I bill?')).toEqual(['SOKOLOVA, ANASTASIA']);
    expect(found("O'BRIEN, SIOBHAN M. came back denied")).toEqual(["O'BRIEN, SIOBHAN M."]);
    expect(found('two pts: JOHNSON, MARY ELLEN and JOHNSON, MARY ELLEN R')).toEqual(['JOHNSON, MARY ELLEN', 'JOHNSON, MARY ELLEN R']);
    expect(found('the line reads PAUL, ANDREW 99213')).toEqual(['PAUL, ANDREW']);
    // An English word the guides also use ("rich") may be a surname in capitals; a credential may not.
    expect(found('worklist: 9004418273\tRICH, WILLA\t12/09/24\tCDI HOLD')).toEqual(['RICH, WILLA']);
    // Inside a longer comma list of capitals and codes, the pair is two listed terms.
    expect(found('forms we see: 837P, NDC, EOB, ERA, RA, UB-04')).toEqual([]);
    expect(found('MRN 44821, SMITH, JOHN, DOB 4/5/67')).toEqual(['SMITH, JOHN']);
    // A pair that is no name ("ICU, SMITH") does not hide the name that starts at its second word.
    expect(found('from ICU, SMITH, JOHN, MRN 4471 ok?')).toEqual(['SMITH, JOHN']);
  });

  it('is a name when a given name no list knows is followed by a middle initial', () => {
    expect(found('ADEBAYO, FOLASADE T. — 76 yo — sepsis 2/2 cellulitis')).toEqual(['ADEBAYO, FOLASADE T.']);
    // Without the initial, an unknown word after a comma is not enough evidence.
    expect(found('ADEBAYO, FOLASADE — 76 yo — sepsis 2/2 cellulitis')).toEqual([]);
  });

  it('is not a list of credentials, organisations or codes in capitals', () => {
    expect(found('Should I get the CPC, CCS or CPhT first? AAPC, AHIMA and PTCB all offer exams.')).toEqual([]);
    expect(found('NOTE, PLEASE READ: the PTCE, EXCPT and CSPT exams changed.')).toEqual([]);
  });
});

describe('a surname, a comma, then a given name, in Title case', () => {
  it('is a name as worklists and schedules write it', () => {
    expect(found('surgery sched shows Kiefer, Hal for a lap chole, 47562 then 47600')).toEqual(['Kiefer, Hal']);
    expect(found('face sheet: Okonkwo, Chidi E. Home ph on file, 99213')[0]).toMatch(/^Okonkwo, Chidi E\./);
  });

  it('is not a list of places, or of English words that are names too', () => {
    expect(found('remote coding jobs in Austin, Dallas and Houston pay $25/hr for CPC holders')).toEqual([]);
    expect(found('the Jackson, Georgia office hires remote CPC coders')).toEqual([]);
    expect(found('Ask Dr. Nguyen, Director of HIM, about 99213 audits')).toEqual([]);
  });
});

describe('names written surname first, in capitals, by nickname or beside a sibling', () => {
  it('takes a surname in capitals before a Title-case given name, and a double given name after a surname', () => {
    expect(found('ADEYEMI, Tobenna MRN 5510293 came in with syncope')).toEqual(['ADEYEMI, Tobenna']);
    expect(found('Choi, Min-jun DOB 19510304 for an AAA screen 76706')).toEqual(['Choi, Min-jun']);
  });

  it('leaves a place before a place or an English word alone', () => {
    expect(found('we have coders in Austin, Dallas and Houston for 99213 audits')).not.toContain('Austin, Dallas');
  });

  it('takes a given name and surname in capitals in any message, but no English words in capitals', () => {
    expect(found('ugh, BRENDAN KILCULLEN is back again with COPD J44.1')).toEqual(['BRENDAN KILCULLEN']);
    expect(found('HELP, PLEASE REVIEW the J44.1 rules AGAIN')).toEqual([]);
  });

  it('takes a quoted nickname after a name, in brackets or not', () => {
    expect(found('Bartholomew Okafor ("Bart") died 3/2 in the ED, 99285?')).toEqual(expect.arrayContaining(['Bartholomew Okafor', 'Bart']));
    expect(found('DESMOND QUIGLEY "DESSIE" readmitted, 3rd time this month')).toEqual(expect.arrayContaining(['DESMOND QUIGLEY', 'DESSIE']));
  });

  it('takes a given name joined by "and" to a found full name', () => {
    expect(found('twins born 05/02/2024 - Autumn and Celeste Varga, 33 wks')).toEqual(expect.arrayContaining(['Autumn', 'Celeste Varga']));
  });

  it('takes a word glossed as the patient in brackets, but not an English word that is no given name', () => {
    expect(found('so marty (pt) brought in his own card for the 99213')).toEqual(['marty']);
    expect(found('Ivy (the patient, not my plant) has a pacemaker 33228')).toContain('Ivy');
    expect(found('this case (pt) was billed as 99214')).toEqual([]);
  });
});

describe('a lone given name in Title case mid-sentence', () => {
  it('takes it in a chart-like message, where an English word would be in lower case', () => {
    expect(found('got a call from Faith at the pts house, she is the niece, 99213 visit')).toEqual(['Faith']);
    expect(found('coded 99214 for Grant yesterday, E11.9 with CKD')).toEqual(['Grant']);
  });

  it('leaves it behind a clinician title, at the start of a sentence, before a capitalised word, or as a possessive before a condition', () => {
    expect(found('dr Grant signed the op note, 27447 and E11.9')).toEqual([]);
    expect(found("question about Bell's palsy G51.0 vs G61.0 if the neuro says r/o GBS")).toEqual([]);
    expect(found('is E11.9 ok with the hope of more specificity later?')).toEqual([]);
  });
});
