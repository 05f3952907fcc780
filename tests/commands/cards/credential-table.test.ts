import { describe, expect, it } from 'vitest';
import { createCommandHandler, type CommandResult } from '../../../src/commands/index.js';
import { openAdvisorOnGuide } from '../../helpers/test-advisor.js';

// A guide that lists its credentials in a table, as many career sites do, and names who awards
// them in a column: cards come from the rows, with the organisation from that column.
const TABLE_GUIDE = `# Dental Hygienist Career Guide

## Licensing Bodies

- **JCNDE** (Joint Commission on National Dental Examinations) runs the written board exam.
- **ADHA** (American Dental Hygienists Association) is the professional society.

## Credentials Compared

| Credential | Full name | Awarding body | Focus |
|---|---|---|---|
| RDH | Registered Dental Hygienist | JCNDE | General hygiene practice |
| CDA | Certified Dental Assistant | DANB | Chairside assisting |

## Pay

Median pay is $87,530 a year.
`;

const NO_CREDENTIALS_GUIDE = `# Beekeeping Career Guide

## Work

Keepers tend hives from spring to autumn.
`;

async function send(markdown: string, text: string): Promise<CommandResult> {
  const advisor = await openAdvisorOnGuide('guide.md', markdown);
  return createCommandHandler(advisor, { quizSeed: 'table' }).handle({ text, conversationId: 'c', userId: 'u', platform: 'cli' });
}

describe('credential cards from a table', () => {
  it('reads a row naming an acronym and its full name as a credential, with the awarding column as its organisation', async () => {
    const result = await send(TABLE_GUIDE, 'cert RDH');
    expect(result.kind).toBe('cert');
    if (result.kind !== 'cert') return;
    expect(result.card).toMatchObject({ acronym: 'RDH', name: 'Registered Dental Hygienist', organization: 'JCNDE' });
    expect(result.card.summary).toContain('General hygiene practice');
  });

  it('compares two credentials of the table', async () => {
    const result = await send(TABLE_GUIDE, 'cert compare RDH CDA');
    expect(result.kind).toBe('cert-compare');
  });

  it('says so when a guide defines no credentials, rather than announcing an empty list', async () => {
    const result = await send(NO_CREDENTIALS_GUIDE, 'cert RDH');
    expect(result.kind).toBe('cert-list');
    if (result.kind !== 'cert-list') return;
    expect(result.certifications).toEqual([]);
    expect(result.message).not.toContain('These are the ones it covers');
  });
});
