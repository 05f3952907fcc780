import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { tempDir } from '../helpers/temp-dir.js';

// A list answer quotes the best items and names the rest. A table's rows all share the header of
// their first column, so a row is named by its first cell's value, not by that header.
describe('list answers from a table', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    const dir = tempDir('career-advisor-table-');
    const rows = [['Median pay', '$40,000 a year'], ['Training time', '6 months'], ['Hives per keeper', '20 hives'], ['Main employer', 'honey farms'], ['Job growth', '5% a decade'], ['Openings', '1,000 a year']];
    const table = ['| Item | Typical figure |', '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
    writeFileSync(join(dir, 'beekeeper.md'), `# Beekeeper Guide\n\n## Beekeeping Quick Facts\n\n${table}\n\n## Hive Care\n\nInspect every hive once a week in summer.\n`);
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) });
  });

  it('names the rows it does not quote by their first cell, never by the shared header', async () => {
    const reply = await advisor.ask('What are the beekeeping quick facts?');
    expect(reply.abstained).toBe(false);
    const also = reply.answer.split('\n').find((l) => l.startsWith('Also: '));
    expect(also).toBeDefined();
    expect(also).not.toMatch(/\bItem\b/);
    expect(also).toMatch(/Job growth|Openings|Main employer/);
  });
});

// A list question whose best line sits outside the list the composer picked still gets that line.
describe('list answers that leave out the best line', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    const dir = tempDir('career-advisor-list-lead-');
    const checks = ['the pass rate of its graduates', 'the hours of hive time it offers', 'the cost of tuition and equipment', 'the size of each class'];
    writeFileSync(
      join(dir, 'beekeeper.md'),
      `# Beekeeper Guide\n\n## Choosing a School\n\nBefore you enroll in a beekeeping school, check:\n\n${checks.map((c) => `- ${c}`).join('\n')}\n\n## Accreditation\n\nThe Apiary Education Council (AEC) accredits beekeeping schools across the country.\n`,
    );
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) });
  });

  it('adds the line that ranked first after the list, cited to its own section', async () => {
    const reply = await advisor.ask('Which organizations accredit beekeeping schools?');
    expect(reply.abstained).toBe(false);
    expect(reply.answer).toContain('Apiary Education Council');
    expect(reply.citations.some((c) => c.section.includes('Accreditation'))).toBe(true);
  });
});
