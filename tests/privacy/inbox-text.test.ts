import { describe, expect, it } from 'vitest';
import { inboxText } from '../../adapters/shared/pending-questions.js';

describe('what the durable inbox keeps of a question', () => {
  it('minimizes patient data like the store does, keeping platform mentions and the career question', () => {
    const kept = inboxText('<@U0BOT> pt Jane Doe DOB 04/05/1967 MRN 88812345: is 99214 right for a 25 min visit?');
    expect(kept).toMatch(/^<@U0BOT> /);
    for (const leaked of ['Jane', 'Doe', '04/05/1967', '88812345']) expect(kept).not.toContain(leaked);
    expect(kept).toContain('99214');
    expect(kept).toContain('25 min visit');
  });

  it('leaves a question without patient data as it is', () => {
    expect(inboxText('<@U0BOT> How much do entry-level coders make?')).toBe('<@U0BOT> How much do entry-level coders make?');
  });
});
