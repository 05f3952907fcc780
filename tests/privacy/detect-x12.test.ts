import { describe, expect, it } from 'vitest';
import { detectX12 } from '../../src/privacy/detect-x12.js';

function found(text: string): string[] {
  return detectX12(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('detectX12 (837 segments)', () => {
  it('reads the subscriber\'s name, member id, address, birth date and SSN by element position', () => {
    const text = 'NM1*IL*1*QUILLFEATHER*ODETTE*M***MI*ZQ7730015~\nN3*18 WILLOWBANK RD~\nN4*ASHGROVE*KS*66002~\nDMG*D8*19370822*F~\nREF*SY*412887301~';
    expect(found(text)).toEqual([
      'name:QUILLFEATHER',
      'name:ODETTE',
      'name:M',
      'health_plan_id:ZQ7730015',
      'address:18 WILLOWBANK RD',
      'address:ASHGROVE',
      'zip:66002',
      'date:19370822',
      'ssn:412887301',
    ]);
  });

  it('leaves provider and payer loops alone', () => {
    expect(found('NM1*82*1*HALVORSEN*GRETA****XX*1234567893~ NM1*PR*2*ACME HEALTH PLAN*****PI*60054~')).toEqual([]);
  });
});
