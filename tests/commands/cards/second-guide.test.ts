import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, renderText, type CommandHandler, type CommandResult } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { PHARMACY_GUIDE } from '../../helpers/two-guides.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** The pharmacy technician guide alone (web-style Markdown the code was not written for). */
describe('commands on a second guide (pharmacy technician, loaded alone)', () => {
  let advisor: CareerAdvisor;
  let handler: CommandHandler;
  beforeAll(async () => {
    const dir = tempDir('career-advisor-pharmacy-');
    copyFileSync(fileURLToPath(new URL(`../../fixtures/guides/${PHARMACY_GUIDE}`, import.meta.url)), join(dir, PHARMACY_GUIDE));
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) });
    handler = createCommandHandler(advisor, { quizSeed: 'second-guide' });
  });
  const send = (text: string): Promise<CommandResult> => handler.handle({ text, conversationId: 'c', userId: 'u', platform: 'cli' });

  it('cert CPhT (a mixed-case acronym behind a bold label) gives a clean card with its organisation', async () => {
    const result = await send('cert CPhT');
    expect(result.kind).toBe('cert');
    if (result.kind !== 'cert') return;
    expect(result.card).toMatchObject({ acronym: 'CPhT', name: 'Certified Pharmacy Technician', organization: 'PTCB' });
    expect(renderText(result)).not.toMatch(/\*\*|__|`/);
  });

  it('cert list names the guide’s own credentials in its hint, and nothing a command prints carries Markdown markup', async () => {
    const list = await send('cert list');
    expect(list.kind).toBe('cert-list');
    if (list.kind === 'cert-list') {
      expect(list.certifications.map((c) => c.acronym)).toEqual(expect.arrayContaining(['CPhT', 'CSPT', 'CPhT-Adv']));
      expect(list.message).toContain('cert CPhT');
    }
    for (const text of ['topics', 'quiz', 'help', 'hello']) {
      const rendered = renderText(await send(text));
      expect(rendered, text).not.toMatch(/\*\*|__/);
      expect(rendered, text).not.toMatch(/\bcoders?\b|\bcoding\b|AAPC|AHIMA/i);
    }
  });

  it('greetings and help name the loaded guide’s subject, not another career', async () => {
    const hello = await send('hello');
    expect(hello.kind).toBe('answer');
    if (hello.kind === 'answer') expect(hello.answer.answer).toContain(advisor.subjects[0]!);
    const help = await send('help');
    expect(help.kind).toBe('help');
    if (help.kind === 'help') {
      expect(help.text).toContain(advisor.subjects[0]!);
      expect(help.examples).toContain('cert CPhT');
    }
  });
});
