import { describe, expect, it } from 'vitest';
import { detectPhi, Vocabulary } from '../../src/privacy/index.js';

function found(text: string, vocabulary = new Vocabulary()): string[] {
  return detectPhi(text, { vocabulary }).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('labelled and shaped identifiers', () => {
  it('takes a long number after a bare "account" whatever its shape, and a handle after "user" or "account"', () => {
    expect(found('the statement says account 5521-0087-31 for her visit')).toContain('account:5521-0087-31');
    expect(found('portal user jmorales71 logged in twice')).toContain('other_id:jmorales71');
    expect(found('it is under account pbellweather09.')).toContain('other_id:pbellweather09');
    expect(found('does the account for 99213 count?')).toEqual([]);
    expect(found('each user E11.9 query counts?')).toEqual([]);
  });

  it('takes a mixed token with digits in two runs behind a label, though it has only two digits', () => {
    expect(found('CGM transmitter ID 8H4KLZ for the pt, 95251 monthly')).toContain('device:8H4KLZ');
    // One run of digits in a name is no id: "ICD10CM".
    expect(found('the code set ID ICD10CM was updated')).toEqual([]);
  });

  it('reads a plate written with spaces and a state code behind its label', () => {
    expect(found('plate OH 4KT 921 on the crash report')).toContain('vehicle:OH 4KT 921');
    expect(found('vehicle registration TX 88 RJW in the EMS note')).toContain('vehicle:TX 88 RJW');
  });

  it('takes a long number behind a bare "member" or "subscriber"', () => {
    expect(found('humana member H 5521 0987 44 is the dependent')).toContain('health_plan_id:H 5521 0987 44');
    expect(found('AAPC member since 2019, 3 years in')).toEqual([]);
  });

  it('keeps a letter prefix glued on with a dot or a hash', () => {
    expect(found('her RN.0081234 licence was in the note')).toContain('other_id:RN.0081234');
    expect(found('PA#77120934 covers 6 visits')).toContain('other_id:PA#77120934');
  });

  it('finds a value again where it is repeated without its label', () => {
    expect(found('Room 318-C, the nurse wrote "pt in 318-C refused"').filter((f) => f.endsWith('318-C'))).toHaveLength(2);
  });

  it('reads no value into a sentence after a payer name, and keeps a form named by a guide word', () => {
    expect(found('does Medi-Cal in 2025 pay for 99213?')).toEqual([]);
    expect(found('is the UB-04 or the CMS-1500 right?', new Vocabulary(new Set(['cms', 'ub'])))).toEqual([]);
    expect(found('plate HKT-2291 again')).toContain('vehicle:HKT-2291');
  });
});

describe('registrations', () => {
  it('takes a vessel or vehicle registration written "reg", state letters and all', () => {
    expect(found('jet ski accident, vessel reg TX 8812 PL on the report, V93.89')).toContain('vehicle:TX 8812 PL');
  });

  it('takes a plate named after the vehicle it is on, and a bare registration of capitals and digits', () => {
    expect(found('pt was struck in the lot, plate on the truck KVR 2291 per the report')).toContain('vehicle:KVR 2291');
    expect(found('ATV rollover, registration NM 3381 QT, V86.59')).toContain('vehicle:NM 3381 QT');
    expect(found('exam registration 2025 opens soon for the CPC')).toEqual([]);
  });

  it('takes a number behind a device part\'s bare word, but not a code', () => {
    expect(found('her pump sensor 4TR9QW keeps failing, E10.65')).toContain('device:4TR9QW');
    expect(found('CGM sensor 95250 billed monthly?')).toEqual([]);
  });

  it('keeps a qualified NDC, an X12 loop and a pair of codes after a payer word', () => {
    expect(found('UB-04 box 43 NDC N400002821501 UN1, ML or UN?')).toEqual([]);
    expect(found('which segment of 2010BA holds the subscriber REF?')).toEqual([]);
    expect(found('medicare MNT 97802/97803 covered for CKD?')).toEqual([]);
  });
});
