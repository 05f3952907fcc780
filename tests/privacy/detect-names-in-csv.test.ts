import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';
import { detectNamesInCsv } from '../../src/privacy/detect-names-in-csv.js';
import { Vocabulary } from '../../src/privacy/vocabulary.js';

const vocabulary = new Vocabulary();
const names = (text: string) => detectNamesInCsv(text, vocabulary).filter((f) => f.kind === 'name').map((f) => text.slice(f.start, f.end));

describe('detectNamesInCsv', () => {
  it('takes the cells under a header’s name columns, on the next lines or after a space where the line breaks were lost', () => {
    expect(names('last,first,dos\nMensah,Kofi,3/4/24\nBrown,Crystal,3/5/24')).toEqual(['Mensah', 'Kofi', 'Brown', 'Crystal']);
    expect(names('mrn,last,first,dob,cpt 448201,Okoye,Ifeanyi,1972-03-15,99213 — fine for the upload?')).toEqual(['Okoye', 'Ifeanyi']);
    expect(names('claim_id,patient,dob,status C-558102,"Ngata, Hemi",1958-09-30,DENIED')).toEqual(['Ngata, Hemi']);
    expect(names('acct\tpt_name\tbal\n88120\tAroha Wiremu\t$40.00')).toEqual(['Aroha Wiremu']);
  });

  it('takes an age column’s ages over 89 and a birth date column’s dates, and quoted headers', () => {
    const text = 'MRN,Last,First,DOB,Age,Payer\n1120457,Abdi Warsame,Hodan,1930-11-02,93,MCR\n1120948,Lor,Yer,1948-10-30,76,MCD';
    const found = detectNamesInCsv(text, vocabulary).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
    expect(found).toEqual(['name:Abdi Warsame', 'name:Hodan', 'date:1930-11-02', 'age_over_89:93', 'name:Lor', 'name:Yer', 'date:1948-10-30']);
    expect(names('"ClaimNo","MemberName","DOS"\n"E24B0093311","WILL HARGROVE","05/30/2024"')).toEqual(['WILL HARGROVE']);
  });

  it('leaves exports without a person column, and a "name" column naming codes, alone', () => {
    expect(names('cpt,units,charge 99213,1,100')).toEqual([]);
    expect(names('code,name,fee\n99213,Office Visit,100\n99214,Established Patient,150')).toEqual([]);
  });

  it('is one of the detectors detectPhi runs', () => {
    const text = 'mrn,last,first,dob 448201,Okoye,Ifeanyi,1972-03-15 is this ok?';
    expect(detectPhi(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`)).toEqual(expect.arrayContaining(['name:Okoye', 'name:Ifeanyi']));
  });
});
