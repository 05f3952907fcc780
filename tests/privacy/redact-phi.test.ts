import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPhi, phiPlaceholder, phiReminder, redactPhi } from '../../src/privacy/index.js';

describe('redactPhi', () => {
  it('replaces each finding with a typed placeholder', () => {
    const input = 'Patient John Smith, DOB 03/14/1962, MRN 00482913, SSN 123-45-6789, call 555-201-3344.';
    const { text, findings } = redactPhi(input);
    expect(text).toBe(
      'Patient [REDACTED:name], DOB [REDACTED:date], MRN [REDACTED:mrn], SSN [REDACTED:ssn], call [REDACTED:phone].',
    );
    expect(findings.map((f) => f.kind)).toEqual(['name', 'date', 'mrn', 'ssn', 'phone']);
  });

  it('returns findings with offsets into the original text', () => {
    const input = 'email jsmith@example.com please';
    const { findings } = redactPhi(input);
    expect(findings).toHaveLength(1);
    expect(input.slice(findings[0]!.start, findings[0]!.end)).toBe('jsmith@example.com');
  });

  it('takes both halves of a hyphenated name when a detector found one of them', () => {
    expect(redactPhi('Soo-jin Park, DOS 3/4/2024, MRN 88812345. is Z68.30 right?').text).toBe('[REDACTED:name], DOS [REDACTED:date], MRN [REDACTED:mrn]. is Z68.30 right?');
    expect(redactPhi('Winifred Okafor-James DOB: 02/17/1934, why that format?').text).toBe('[REDACTED:name] DOB: [REDACTED:date], why that format?');
    expect(redactPhi('Is a follow-up visit 99213 or 99214 for a long-standing patient?').text).toBe('Is a follow-up visit 99213 or 99214 for a long-standing patient?');
  });

  it('leaves career questions unchanged', () => {
    const input = 'Is the CPC from AAPC worth $499 if coders earn $45,000? Code E11.9 or 99213?';
    expect(redactPhi(input)).toEqual({ text: input, findings: [] });
  });

  it('is idempotent: placeholders are not detected again', () => {
    const once = redactPhi('pt: Maria Lopez, DOB 1/9/1938, 88 Birch Ln, Dayton, OH 45402').text;
    expect(redactPhi(once)).toEqual({ text: once, findings: [] });
  });

  it('exposes the placeholder format', () => {
    expect(phiPlaceholder('ssn')).toBe('[REDACTED:ssn]');
  });

  it('has a short, polite reminder', () => {
    expect(phiReminder).toMatch(/please/i);
    expect(phiReminder).toMatch(/patient information/i);
    expect(phiReminder.length).toBeLessThan(300);
  });
});

describe('redactPhi — properties', () => {
  const careerWords = fc.constantFrom(
    'coder', 'CPC', 'AAPC', 'E11.9', '99213', '$45,000', 'exam', 'salary', 'remote', 'ICD-10', 'Epic', 'the', 'is',
  );
  const filler = fc.array(careerWords, { maxLength: 8 }).map((w) => w.join(' '));
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const ssn = fc
    .tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
    .map(([a, g, s]) => `${String(a).padStart(3, '0')}-${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`);
  const phone = fc
    .tuple(fc.integer({ min: 200, max: 999 }), digits(3), digits(4))
    .map(([area, ex, line]) => `(${area}) ${ex}-${line}`);
  const email = fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,10}$/), fc.constantFrom('com', 'org', 'net'))
    .filter(([local]) => !local.includes('..'))
    .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
  const mrn = digits(8).map((d) => `MRN ${d}`);
  const secret = fc.oneof(ssn, phone, email, mrn);

  it('never leaks an embedded SSN, phone, email or MRN', () => {
    fc.assert(
      fc.property(filler, secret, filler, (before, value, after) => {
        const { text } = redactPhi(`${before} ${value} ${after}`);
        const raw = value.replace(/^MRN /, '');
        expect(text).not.toContain(raw);
      }),
      { numRuns: 300 },
    );
  });

  it('produces in-bounds, sorted, non-overlapping findings for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const findings = detectPhi(text);
        let lastEnd = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(lastEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          lastEnd = f.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const once = redactPhi(text).text;
        expect(redactPhi(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
