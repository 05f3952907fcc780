import { describe, expect, it } from 'vitest';
import { minimizePhi, Vocabulary } from '../../src/privacy/index.js';

describe('minimizePhi: what the detectors leave is masked', () => {
  it('masks a short suffix right after a redacted identifier', () => {
    expect(minimizePhi('insurance is Cigna W88120455 02 on file').text).toBe('insurance is Cigna [REDACTED:other_id] [MASKED] on file');
  });

  it('masks a room and bed but not a code range', () => {
    expect(minimizePhi('she is in 3318-1 now').text).toBe('she is in [MASKED] now');
    expect(minimizePhi('E/M codes 99202-99215 only').text).toBe('E/M codes 99202-99215 only');
  });

  it('does not mask plural codes, short salary ranges or plural acronyms', () => {
    const text = 'Two 99214s a day, 45k-65k pay, and 30 CEUs every two years';
    expect(minimizePhi(text).text).toBe(text);
  });

  it('no longer excuses a letter-digit id because it looks like an undotted ICD-10 code', () => {
    expect(minimizePhi('tag R71J44 on the truck').text).not.toContain('R71J44');
    expect(minimizePhi('code M48.061 and S72.001A').text).toBe('code M48.061 and S72.001A');
  });

  it('keeps a form named by a guide word and a short range of levels, and masks a letter-suffixed room', () => {
    const vocabulary = new Vocabulary(new Set(['cms']));
    expect(minimizePhi('bill it on the CMS-1500, status P1-P5', { vocabulary }).text).toBe('bill it on the CMS-1500, status P1-P5');
    expect(minimizePhi('she moved to 517-C yesterday', { vocabulary }).text).toBe('she moved to [MASKED] yesterday');
  });
});
