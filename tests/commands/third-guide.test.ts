import { beforeAll, describe, expect, it } from 'vitest';
import { allQuizQuestions, createCommandHandler, renderText, type CommandHandler, type CommandResult } from '../../src/commands/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { MARKUP, medicalAssistantKnowledgeDir } from '../helpers/two-guides.js';

/**
 * A third guide written blind to the code (eval/medical-assistant): its credentials are named in
 * their own headings ("### CMA (AAMA): Certified Medical Assistant") with exam, fee and renewal
 * bullets under each, and its salary lists are by work setting and by state, not by level.
 */
describe('commands on a third guide (medical assistant, loaded alone)', () => {
  let advisor: CareerAdvisor;
  let handler: CommandHandler;
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: medicalAssistantKnowledgeDir() }) });
    handler = createCommandHandler(advisor, { quizSeed: 'third-guide' });
  });
  const send = (text: string): Promise<CommandResult> => handler.handle({ text, conversationId: `c-${Math.random()}`, userId: 'u', platform: 'cli' });

  it('lists the credentials its headings name, each with the body in the heading’s parentheses', async () => {
    const list = await send('cert list');
    expect(list.kind).toBe('cert-list');
    if (list.kind !== 'cert-list') return;
    expect(list.certifications.map((c) => [c.acronym, c.name])).toEqual([
      ['CMA', 'Certified Medical Assistant'],
      ['RMA', 'Registered Medical Assistant'],
      ['CCMA', 'Certified Clinical Medical Assistant'],
      ['NCMA', 'National Certified Medical Assistant'],
    ]);
    const organisations = await Promise.all(list.certifications.map(async (c) => send(`cert ${c.acronym}`)));
    expect(organisations.map((r) => (r.kind === 'cert' ? r.card.organization : r.kind))).toEqual(['AAMA', 'AMT', 'NHA', 'NCCT']);
  });

  it('a card carries its own section’s exam, fee and renewal lines and no other credential’s renewal rule', async () => {
    const result = await send('cert NCMA');
    expect(result.kind).toBe('cert');
    if (result.kind !== 'cert') return;
    expect(result.card.organizationName).toBe('National Center for Competency Testing');
    const related = result.card.related.map((r) => r.text);
    expect(related).toEqual(expect.arrayContaining(['Fee: $90', 'Renewal: yearly, with 14 clock hours of continuing education each year']));
    expect(related.join('\n')).not.toMatch(/every 2 years|every 60 months/);
    expect(renderText(result)).not.toMatch(MARKUP);
  });

  it('quiz questions name the credential a renewal rule belongs to, and ask about pay by setting among settings', () => {
    const questions = allQuizQuestions(advisor.index);
    const ce = questions.find((q) => /continuing education/.test(q.question));
    expect(ce?.question).toMatch(/keep the (CMA|RMA|CCMA|NCMA) active/);
    const bySetting = questions.find((q) => q.citation.section.endsWith('Pay by Work Setting') && q.question.startsWith('Which of these'));
    expect(bySetting).toBeDefined();
    for (const option of bySetting!.options) expect(option).not.toMatch(/^(Alaska|California|Washington|Minnesota)$/);
    expect(questions.some((q) => /Which level/.test(q.question))).toBe(false);
    expect(questions.some((q) => /competency and professional certification/.test(q.question) && /60 months/.test(q.answerText))).toBe(false);
  });

  it('a plan says whose renewal rule it quotes when the guide gives one only for a credential the user does not hold', async () => {
    const conversationId = 'plan-third-guide';
    const say = (text: string) => handler.handle({ text, conversationId, userId: 'u', platform: 'cli' });
    let result = await say('plan medical assistant student, no experience');
    for (const reply of ['certificate program in progress', 'not sure', 'yes']) if (result.kind !== 'plan') result = await say(reply);
    expect(result.kind).toBe('plan');
    if (result.kind !== 'plan') return;
    const keep = result.steps.find((s) => /^Keep .* active$/.test(s.title));
    expect(keep?.detail).toMatch(/^For the (CMA|RMA|CCMA|NCMA): /);
    expect(result.steps.some((s) => s.duration === '60 months')).toBe(false);
  });
});
