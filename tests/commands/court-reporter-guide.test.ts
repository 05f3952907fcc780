import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, renderText, type CommandHandler, type CommandResult } from '../../src/commands/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { tempDir } from '../helpers/temp-dir.js';

// A guide far from health care, in layouts the first guides did not use: acronym-first credential
// bullets ("RPR (Registered Professional Reporter): …"), a table cell holding acronym and name, an
// awarding body glossed rather than spelled out ("NCRA (the Court Reporting Association)"), a ladder
// table with a column of years and semicolons inside its cells, a continuing-education table.
const GUIDE = 'court-reporter-guide.md';

describe('commands on a guide laid out differently (court reporter fixture, loaded alone)', () => {
  let handler: CommandHandler;
  beforeAll(async () => {
    const dir = tempDir('career-advisor-court-reporter-');
    copyFileSync(fileURLToPath(new URL(`../fixtures/guides/${GUIDE}`, import.meta.url)), join(dir, GUIDE));
    handler = createCommandHandler(await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) }), { quizSeed: 'court-reporter-guide' });
  });
  const conversationId = `court-reporter-${Math.random()}`;
  const send = (text: string): Promise<CommandResult> => handler.handle({ text, conversationId, userId: 'u', platform: 'cli' });

  it('cert reads acronym-first credentials and takes the body from the table’s organisation column', async () => {
    const list = await send('cert list');
    expect(list.kind === 'cert-list' && list.certifications.map((c) => c.acronym)).toEqual(expect.arrayContaining(['RPR', 'RMR', 'CRC']));
    const card = await send('cert RPR');
    expect(card.kind).toBe('cert');
    if (card.kind === 'cert') expect(card.card).toMatchObject({ acronym: 'RPR', name: 'Registered Professional Reporter', organization: 'NCRA', organizationName: 'Court Reporting Association' });
  });

  it('a plan climbs the ladder table in order, leads with the highest stage, offers no advanced credential first, and keeps it active from the CE table', async () => {
    const first = await send('plan no degree yet, no experience, I want to go into management one day');
    expect(renderText(first)).toMatch(/court reporting|reporter/i);
    let reply = first;
    for (const answer of ['high school diploma', 'none', 'yes']) if (reply.kind !== 'plan') reply = await send(answer);
    expect(reply.kind).toBe('plan');
    if (reply.kind !== 'plan') return;
    const titles = reply.steps.map((s) => s.title);
    expect(titles.find((t) => /certification/.test(t))).not.toMatch(/RMR/);
    expect(titles.find((t) => /^Lead a/.test(t))).toMatch(/Reporting firm manager/);
    expect(reply.steps.find((s) => /Reporting firm manager/.test(s.title))?.duration).toBe('12–15+ years');
    const entry = reply.steps.find((s) => /entry-level/.test(s.title));
    expect(entry?.detail).toContain('Student reporter');
    expect(entry?.duration).toBe('0–2 years');
    expect(reply.steps.find((s) => /active/.test(s.title))?.detail).toContain('NCRA RPR');
    expect(renderText(reply)).not.toMatch(/\*\*|##|\bthe experience\b|\ba the\b/);
  });

  it('reads a ladder role as a job in the field ("scopist, 1 year")', async () => {
    const reply = await handler.handle({ text: 'plan scopist, 1 year, high school diploma', conversationId: `scopist-${Math.random()}`, userId: 'u', platform: 'cli' });
    expect(renderText(reply)).toMatch(/1 year of [a-z ]*experience/);
  });
});
