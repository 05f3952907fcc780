import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openAdvisorOnGuide } from '../helpers/test-advisor.js';

// A line ending in a colon introduces the bullets after it. It never leads alone; when it is the
// line that best answers the question, the answer is that line with its items.
describe('a list-introducing line that answers the question', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    const outlook = [
      '## Job Outlook',
      '',
      'Beekeeping jobs are expected to grow 5% over the decade, with about 1,000 openings a year.',
      '',
      'What is driving demand for beekeepers:',
      '',
      '- Orchards renting hives for pollination',
      '- Rising honey prices',
      '- City rooftop apiaries',
      '',
      'Mild winters also help.',
    ].join('\n');
    advisor = await openAdvisorOnGuide('beekeeper.md', `# Beekeeper Guide\n\n${outlook}\n\n## Hive Care\n\nInspect every hive once a week in summer.\n`);
  });

  it('answers with the introducing line and its items', async () => {
    const reply = await advisor.ask('What is driving demand for beekeepers?');
    expect(reply.abstained).toBe(false);
    expect(reply.answer).toContain('Orchards renting hives for pollination');
    expect(reply.answer).toContain('Rising honey prices');
    expect(reply.citations[0]?.quote).toContain('What is driving demand for beekeepers:');
  });
});
