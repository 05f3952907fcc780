import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';

function found(text: string): string[] {
  return detectPhi(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('international phones and payment cards', () => {
  it('finds an international number with its "+" and country code', () => {
    expect(found('her only phone is +44 20 7946 0321, fine?')).toContain('phone:+44 20 7946 0321');
    // Dialled from North America with the exit code 011, or from elsewhere with 00.
    expect(found('daughter called from 011 81 90 5555 0142 about the balance')).toContain('phone:011 81 90 5555 0142');
    expect(found('son rang from 00 49 30 5555 0199 re: claim')).toContain('phone:00 49 30 5555 0199');
  });

  it('finds a phone number and an email address with a stray OCR space', () => {
    expect(found('ROI form: Ph: (602) 555 -0148, Email: rbaptiste@ gmail.com')).toEqual(expect.arrayContaining(['phone:(602) 555 -0148', 'email:rbaptiste@ gmail.com']));
  });

  it('finds an email address read out word by word, but not a sentence that says "at … dot com"', () => {
    expect(found('voice note: pt email is lena dot marsh at gmail dot com, send the bill')).toContain('email:lena dot marsh at gmail dot com');
    expect(found('send it to kofi77 at yahoo dot co dot uk')).toContain('email:kofi77 at yahoo dot co dot uk');
    expect(found('reach me at aapc dot com forums about the CPC')).toEqual([]);
  });

  it('finds a card number in four groups of four, or another grouping that passes the Luhn check', () => {
    expect(found('he read me 5105 1051 0510 5100 over the phone')).toContain('account:5105 1051 0510 5100');
    expect(found('card 4111-1111-1111-1111 on file')).toContain('account:4111-1111-1111-1111');
    // American Express groups 4-6-5; the Luhn check tells a card from other numbers grouped so.
    expect(found('paid with amex 3782 822463 10005 today')).toContain('account:3782 822463 10005');
    expect(found('paid with amex 3782 822463 10006 today').some((f) => f.startsWith('account:'))).toBe(false);
  });

  it('finds an SSN printed with middle dots', () => {
    expect(found('SSN on the old card: 627·14·3390, still valid?')).toContain('ssn:627·14·3390');
  });

  it('leaves code lists and amounts alone', () => {
    expect(found('I coded 9921 9922 9923 units and earned $52,000 + 10%')).toEqual([]);
  });

  it('keeps a phone number\'s extension with it', () => {
    expect(found('call his work (614) 555-0187 x3321 about the bill')).toContain('phone:(614) 555-0187 x3321');
  });
});

describe('phone numbers read out digit by digit', () => {
  it('takes seven, ten or eleven spelled digits in a row as a phone number, and fewer as nothing', () => {
    expect(found('daughter is at two zero six, five five five, oh one four two if the pt calls')).toContain('phone:two zero six, five five five, oh one four two');
    expect(found('one two three of the G codes were denied')).toEqual([]);
  });
});
