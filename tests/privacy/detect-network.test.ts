import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';

function found(text: string): string[] {
  return detectPhi(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('IP addresses and URLs', () => {
  it('finds compressed IPv6 addresses', () => {
    expect(found('video visit from 2600:1700:ab3::9c2 today')).toContain('ip:2600:1700:ab3::9c2');
  });

  it('does not read a clock time as an IPv6 address', () => {
    expect(found('the call lasted 00:22:41 for 99213')).toEqual([]);
  });

  it('finds URLs of any scheme with an id, an opaque token or a name in the path', () => {
    expect(found('open emr://visit?acct=1182 now')).toContain('url:emr://visit?acct=1182');
    expect(found('see https://files.example.com/s/Qx7Lm2Pz9Rt4Vb8Nc1/view')).toContain('url:https://files.example.com/s/Qx7Lm2Pz9Rt4Vb8Nc1/view');
    expect(found('the fund https://fund.example.org/p/help-brannagh-quill-heal')).toContain('url:https://fund.example.org/p/help-brannagh-quill-heal');
  });

  it('leaves organisation pages alone', () => {
    expect(found('see https://www.aapc.com/certifications/cpc and https://www.ahima.org/career-map')).toEqual([]);
  });

  it('takes a long run-together path word that is no English word as personal, but not two English words run together', () => {
    expect(found('blog at www.caringbridge.org/visit/marguerisejourney')).toContain('url:www.caringbridge.org/visit/marguerisejourney');
    expect(found('see https://example.org/careerguide')).toEqual([]);
  });
});

describe('URLs that point at a person', () => {
  it('takes a share token of letters and digits interleaved, not a code set in the path', () => {
    expect(found('her page https://give.example.me/7c3e9b1a is in the notes')).toContain('url:https://give.example.me/7c3e9b1a');
    expect(found('see https://www.cms.gov/medicare/coding/icd10 for the update')).toEqual([]);
    expect(found('records at https://portal.example.org/share/Q4RT-88WK-ZP31 for review')).toContain('url:https://portal.example.org/share/Q4RT-88WK-ZP31');
    expect(found('the spec is at https://www.example.org/hl7-fhir-r4b now')).toEqual([]);
  });

  it('reads dotted and file-named path words, and a name found elsewhere in the message inside the path', () => {
    expect(found('pt posted it at https://social.example.com/ofelia.marchetti.3')).toContain('url:https://social.example.com/ofelia.marchetti.3');
    expect(found('scan at https://up.example.net/u/quillon_ravenel_card.jpg, unsecured')).toContain('url:https://up.example.net/u/quillon_ravenel_card.jpg');
    const text = 'pt Kofi Boateng sent https://vault.example.com/share/kboateng-7q so we could see labs';
    expect(found(text)).toContain('url:https://vault.example.com/share/kboateng-7q');
  });
});
