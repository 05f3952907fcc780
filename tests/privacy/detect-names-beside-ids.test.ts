import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';

function names(text: string): string[] {
  return detectPhi(text)
    .filter((f) => f.kind === 'name')
    .map((f) => text.slice(f.start, f.end));
}

describe('names beside dates and identifiers, without a cue', () => {
  it('takes English words that open a line right before a full date as a name', () => {
    expect(names('Dale Carpenter 06/30/1958 counseling 99401, ok?')).toEqual(['Dale Carpenter']);
    expect(names('Summer Field, Oct. 4, 1990, needs 90471')).toEqual(['Summer Field']);
  });

  it('takes lower-case words before a birth-date or SSN label, one comma allowed', () => {
    expect(names('marco bell dob 2/2/72 sorry wrong chat')).toEqual(['marco bell']);
    expect(names('nguyen, linh ssn 219-09-9999 is in the wrong field')).toEqual(['nguyen, linh']);
  });

  it('takes a capitalised run set off by commas right after an identifier', () => {
    expect(names('acct HB-2291047, Rowan Gale, disputes the 99284')).toEqual(['Rowan Gale']);
  });

  it('leaves a heading or a single common word before a date alone', () => {
    expect(names('Exam 10/12/2025 registration closes soon')).toEqual([]);
    expect(names('Open Enrollment 11/01/2025 starts, which plan pays for CEUs?')).toEqual([]);
  });

  it('takes each name of a list of names with record numbers, but not a label or a payer before a number', () => {
    expect(names('pull these for the RADV sample: Pemberton K4471023, Adeyemi K4471388, Sorensen K4472015.')).toEqual(['Pemberton', 'Adeyemi', 'Sorensen']);
    expect(names('portal username ladybug1948 for pt Ruth Oyelaran, is a username PHI?')).toEqual(['Ruth Oyelaran']);
    expect(names('Insurance: Aetna W33810447 02\nwhich modifier for the bilateral?')).toEqual([]);
  });

  it('widens a found name by an inverted surname, a month used as a given name, and a given name after a surname', () => {
    expect(names('Walker, Anna-Karin had a video visit from the cabin, POS 10 or 02?')).toEqual(['Walker, Anna-Karin']);
    expect(names("April Soo-ah Park's claim for 99214 was denied")).toEqual(["April Soo-ah Park's"]);
    expect(names('Wang Li, Wang Fang - both seen 3/2 with J06.9, two claims?')).toEqual(['Wang Li', 'Wang Fang']);
  });
});

