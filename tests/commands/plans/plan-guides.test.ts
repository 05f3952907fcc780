import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, renderText, type CommandHandler, type CommandResult } from '../../../src/commands/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { CODING_GUIDE, MARKUP, PHARMACY_GUIDE, pharmacyKnowledgeDir, thinGuideKnowledgeDir, twoGuideKnowledgeDir } from '../../helpers/two-guides.js';

type Plan = Extract<CommandResult, { kind: 'plan' }>;
const PHARMACY_TEXT = readFileSync(fileURLToPath(new URL(`../../fixtures/guides/${PHARMACY_GUIDE}`, import.meta.url)), 'utf8');
/** The fixture as a reader sees it: emphasis and link markup removed. */
const PHARMACY_PLAIN = PHARMACY_TEXT.replace(/\*\*|__|`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

/**
 * A citation quote is the guide's wording: verbatim, or for a table row each "Header: value" cell's
 * value. One section cited several times carries one quote per line, joined by newlines.
 */
function expectQuoteInPharmacyGuide(quote: string): void {
  for (const line of quote.split('\n')) {
    const cells = line.includes('; ') ? line.split('; ').map((c) => c.replace(/^[^:]+:\s*/, '')) : [line];
    for (const cell of cells) expect(PHARMACY_PLAIN, `“${cell}” is in the guide`).toContain(cell);
  }
}

function conversation(handler: CommandHandler) {
  const conversationId = `plan-${Math.random()}`;
  return (text: string) => handler.handle({ text, conversationId, userId: 'u', platform: 'cli' });
}

describe('plan on the pharmacy technician guide alone', () => {
  let handler: CommandHandler;
  beforeAll(async () => {
    handler = createCommandHandler(await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: pharmacyKnowledgeDir() }) }));
  });

  it('asks in the guide’s own words, then builds a cited plan from its table, stage headings and numbered steps, with no markup', async () => {
    const send = conversation(handler);
    const first = await send('plan');
    expect(first.kind).toBe('plan-question');
    expect(renderText(first)).toMatch(/pharmacy training program/);
    expect(renderText(await send('high school diploma'))).toMatch(/So far I have: high school diploma or GED/);
    const third = await send('none, I work in retail');
    expect(renderText(third)).toMatch(/no pharmacy experience yet/);
    expect(renderText(await send('not sure'))).toMatch(/^Here is what I understood: education: high school diploma or GED; experience: no pharmacy experience yet/);
    const plan = (await send('yes')) as Plan;
    expect(plan.kind).toBe('plan');
    const text = renderText(plan);
    expect(text).not.toMatch(MARKUP);
    expect(text).not.toMatch(/\bcod(?:er|ing)\b|medical|AAPC|AHIMA/i);
    // Salary bands come from the guide's "Pay by Experience" table, stages from its "Stage N: … (years)" headings.
    expect(plan.steps.some((s) => s.salary?.startsWith('Trainee (0-1 year)'))).toBe(true);
    expect(plan.steps.some((s) => /^Move up: Senior or Lead Technician$/.test(s.title) && s.duration === '3-5 years')).toBe(true);
    expect(plan.steps[0]!.title).toBe('Pick a training route');
    expect(plan.steps.find((s) => /certification/.test(s.title))!.title).toBe('Earn your first certification: CPhT');
    for (const c of plan.citations) {
      expect(c.source).toBe(PHARMACY_GUIDE);
      expectQuoteInPharmacyGuide(c.quote);
    }
    const cited = new Set(plan.steps.flatMap((s) => s.cites));
    expect(plan.citations.every((c) => cited.has(c.n)), 'every listed source is cited by a step').toBe(true);
  });

  it('reads experience in the guide’s field apart from other work', async () => {
    const send = conversation(handler);
    expect(renderText(await send('plan I have a GED and 4 years as a pharmacy technician, I hold the CPhT, I want to lead a team'))).toMatch(
      /experience: 4 years of pharmacy experience, working as pharmacy technician; certification: CPhT; goal: management/,
    );
    const plan = (await send('yes')) as Plan;
    expect(plan.kind).toBe('plan');
    expect(plan.summary).toContain('4 years of pharmacy experience');
    expect(plan.summary).toContain('holding CPhT');
    expect(plan.steps[0]!.title).toMatch(/^Where you are now: Mid-career/);
    const other = await conversation(handler)('plan I am a cashier with 4 years at a grocery store, I want to lead a team');
    // The check before building already says it.
    expect(renderText(other)).toContain('no pharmacy experience yet');
  });
});

describe('plan with both guides loaded', () => {
  let handler: CommandHandler;
  beforeAll(async () => {
    handler = createCommandHandler(await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: twoGuideKnowledgeDir() }) }));
  });

  it('asks which career first, listing the loaded guides’ titles, then plans from that guide only', async () => {
    const send = conversation(handler);
    const first = await send('plan');
    expect(first).toMatchObject({ kind: 'plan-question', step: 1, totalSteps: 4 });
    const question = renderText(first);
    expect(question).toMatch(/Which career/);
    expect(question).toContain('Clinical Coding Specialist');
    expect(question).toContain('Pharmacy Technician');
    expect(renderText(await send('pharmacy technician'))).toMatch(/education/i);
    await send('high school');
    await send('none');
    await send('not sure');
    const plan = (await send('yes')) as Plan;
    expect(plan.kind).toBe('plan');
    expect(new Set(plan.citations.map((c) => c.source))).toEqual(new Set([PHARMACY_GUIDE]));
  });

  it('a number picks the career; an answer naming none asks again', async () => {
    const send = conversation(handler);
    await send('plan');
    expect(renderText(await send('astronaut'))).toMatch(/Which career/);
    const next = await send('1');
    expect(renderText(next)).toMatch(/education/i);
    await send('high school');
    await send('none');
    await send('not sure');
    const plan = (await send('yes')) as Plan;
    expect(new Set(plan.citations.map((c) => c.source))).toEqual(new Set([CODING_GUIDE]));
  });

  it('does not ask when the person named the career, or chose it with --guide', async () => {
    const send = conversation(handler);
    const named = await send('plan I want to become a pharmacy technician, high school diploma, no experience');
    // Only the goal is missing: the career was named, so that is the one question.
    expect(named).toMatchObject({ kind: 'plan-question', step: 1, totalSteps: 1 });
    expect(renderText(named)).toMatch(/aiming/);
    expect(await send('not sure')).toMatchObject({ kind: 'plan-question', confirm: true });
    const plan = await send('yes');
    expect(plan.kind).toBe('plan');
    if (plan.kind === 'plan') expect(plan.citations.every((c) => c.source === PHARMACY_GUIDE)).toBe(true);
    const chosen = await conversation(handler)('plan --guide pharmacy-technician');
    expect(renderText(chosen)).toMatch(/education/i);
    expect(renderText(chosen)).not.toMatch(/Which career/);
  });
});

describe('a guide without what a plan uses', () => {
  it('says plainly what the guide lacks', async () => {
    const handler = createCommandHandler(await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: thinGuideKnowledgeDir() }) }));
    const send = conversation(handler);
    await send('plan high school, no experience, not sure');
    const plan = await send('yes');
    expect(plan.kind).toBe('plan');
    if (plan.kind === 'plan') expect(plan.summary).toContain('This guide has no salary bands, no career stages with years of experience');
  });
});
