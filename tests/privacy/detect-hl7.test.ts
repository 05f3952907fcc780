import { describe, expect, it } from 'vitest';
import { detectHl7 } from '../../src/privacy/detect-hl7.js';
import { detectPhi } from '../../src/privacy/index.js';

function found(text: string): string[] {
  return detectHl7(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('detectHl7 (HL7 v2 segments)', () => {
  it("reads a PID segment's identifiers, name, birth date, address, phone, account and SSN by field position", () => {
    const text = 'PID|1||771204^^^MERCY^MR||TUILAGI^SEFO^A||19520317|M|||8 KAHALA ST^^HILO^HI^96720||(808)555-0142|||||550019822|521-44-7719';
    expect(found(text)).toEqual([
      'mrn:771204',
      'name:TUILAGI^SEFO^A',
      'date:19520317',
      'address:8 KAHALA ST',
      'address:HILO',
      'zip:96720',
      'phone:(808)555-0142',
      'account:550019822',
      'ssn:521-44-7719',
    ]);
  });

  it('takes an SSN among the identifier repetitions by its type code, and stops the last field where the chat goes on', () => {
    const text = 'PID|||402-11-8830^^^SSA^SS~Q7781^^^HOSP^MR||VANCE^ODA||19600102|F — why is the SSN first?';
    expect(found(text)).toEqual(['ssn:402-11-8830', 'mrn:Q7781', 'name:VANCE^ODA', 'date:19600102']);
    const kin = 'NK1|1|VANCE^PAUL|SPO|3 Elm Ct^^Ames^IA^50010|(515)555-0107 — the spouse landed in GT1';
    expect(found(kin)).toEqual(['name:VANCE^PAUL', 'address:3 Elm Ct', 'address:Ames', 'zip:50010', 'phone:(515)555-0107']);
  });

  it('reads a value quoted by its field ("PID-5 says …", "IN1-16 is "…""), not a field named before a segment', () => {
    expect(found('the order is fine but PID-5 says OKORO^ADAEZE^^^^ and the wristband differs')).toEqual(['name:OKORO^ADAEZE']);
    expect(found('IN1-16 is "LACROIX^MARTINE" but the pt is her son')).toEqual(['name:LACROIX^MARTINE']);
    expect(found('what goes in PV1-19: PV1|1|I|5E^510^A')).toEqual(['other_id:5E^510^A']);
  });

  it('leaves provider, payer and message header fields alone', () => {
    expect(found('MSH|^~\\&|LAB|MERCY|EPIC|MERCY|202401020830||ORU^R01|123|P|2.5.1')).toEqual([]);
    expect(found('IN1|1|BCBS001|BLUE CROSS')).toEqual([]);
  });

  it("reads a name's and an address's shape in a feed's line the positions do not cover, not in staff segments or a choice", () => {
    expect(found('ADT^A03|V00884120|MACGREGOR^FIONA^R|20241109|112 HARBOR VIEW LN^^BAR HARBOR^ME^04609 — still 01?')).toEqual([
      'name:MACGREGOR^FIONA^R',
      'address:112 HARBOR VIEW LN',
      'address:BAR HARBOR',
      'zip:04609',
    ]);
    expect(found('ORC|NW|123|||||WELBY^MARCUS|||LAB^MERCY — which NPI goes here')).toEqual([]);
    // A known segment counted one field short by hand: the insured's name is read by its shape.
    expect(found('IN1|1|MCR||MEDICARE|||||||||||PAGE^ELOISE^M|SELF|19330128')).toContain('name:PAGE^ELOISE^M');
    expect(found('the map is DRG^MS|CC^MCC — which one?')).toEqual([]);
  });

  it('is one of the detectors detectPhi runs', () => {
    const text = 'PID|||A99120||ABARA^CHIKE||19811111|M';
    expect(detectPhi(text).map((f) => text.slice(f.start, f.end))).toEqual(expect.arrayContaining(['ABARA^CHIKE', '19811111']));
  });
});
