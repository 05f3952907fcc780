import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, renderText, type CommandHandler, type CommandResult } from '../../../src/commands/index.js';
import { guidesForPlace } from '../../../src/commands/guide/guide-scope.js';
import { loadConfig } from '../../../src/config/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { CODING_GUIDE, PHARMACY_GUIDE, twoGuideKnowledgeDir } from '../../helpers/two-guides.js';

const LOADED = [CODING_GUIDE, PHARMACY_GUIDE];

describe('GUIDES_BY_PLACE (config) and guidesForPlace', () => {
  it('parses "platform:place=guide,guide" entries and rejects malformed ones with a clear message', () => {
    const config = loadConfig({ GUIDES_BY_PLACE: 'discord:G1=a.md,b.md; slack:T1/C9=b' });
    expect(config.GUIDES_BY_PLACE).toEqual({ 'discord:G1': ['a.md', 'b.md'], 'slack:T1/C9': ['b'] });
    expect(loadConfig({}).GUIDES_BY_PLACE).toEqual({});
    expect(() => loadConfig({ GUIDES_BY_PLACE: 'teams:X=a.md' })).toThrow(/GUIDES_BY_PLACE[\s\S]*teams:X=a\.md/);
    expect(() => loadConfig({ GUIDES_BY_PLACE: 'slack:T1=' })).toThrow(/GUIDES_BY_PLACE/);
  });

  it('a channel entry wins over its server or workspace; unlisted places and DMs use every guide; names match with or without the extension', () => {
    const byPlace = { 'discord:G1': ['pharmacy-technician-guide'], 'discord:G1/C2': [CODING_GUIDE], 'slack:T1': [PHARMACY_GUIDE] };
    expect(guidesForPlace(byPlace, 'discord', { workspace: 'G1', channel: 'C1' }, LOADED)).toEqual([PHARMACY_GUIDE]);
    expect(guidesForPlace(byPlace, 'discord', { workspace: 'G1', channel: 'C2' }, LOADED)).toEqual([CODING_GUIDE]);
    expect(guidesForPlace(byPlace, 'slack', { workspace: 'T1', channel: 'C2' }, LOADED)).toEqual([PHARMACY_GUIDE]);
    expect(guidesForPlace(byPlace, 'slack', { workspace: 'G1' }, LOADED)).toBeUndefined();
    expect(guidesForPlace(byPlace, 'discord', undefined, LOADED)).toBeUndefined();
  });
});

describe('two guides loaded: citations name their guide, and a place only gets its guides', () => {
  let advisor: CareerAdvisor;
  let handler: CommandHandler;
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: twoGuideKnowledgeDir(), GUIDES_BY_PLACE: `slack:TPHARM=${PHARMACY_GUIDE}; slack:TCODE=${CODING_GUIDE}` }) });
    handler = createCommandHandler(advisor);
  });
  const ask = (text: string, workspace?: string): Promise<CommandResult> =>
    handler.handle({ text, conversationId: `c-${Math.random()}`, userId: 'u', platform: 'slack', ...(workspace ? { place: { workspace, channel: 'C1' } } : {}) });
  const citedSources = (r: CommandResult) => (r.kind === 'answer' ? [...r.answer.citations, ...(r.answer.related ?? [])].map((c) => c.source) : []);

  it('every citation carries its guide title when several guides are loaded', async () => {
    const result = await ask('What does a pharmacy technician earn per hour?');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.answer.citations.length).toBeGreaterThan(0);
    const titles = new Map(advisor.index.documents.map((d) => [d.source, d.title]));
    for (const c of result.answer.citations) expect(c.guide).toBe(titles.get(c.source));
  });

  it('a workspace mapped to one guide is answered only from it, whatever the question', async () => {
    let pharmacyCited = 0;
    let codingCited = 0;
    for (const question of ['How much do entry-level coders make?', 'What certifications are there?', 'How long does training take?']) {
      const pharmacy = citedSources(await ask(question, 'TPHARM'));
      const coding = citedSources(await ask(question, 'TCODE'));
      expect(pharmacy.every((s) => s === PHARMACY_GUIDE), question).toBe(true);
      expect(coding.every((s) => s === CODING_GUIDE), question).toBe(true);
      pharmacyCited += pharmacy.length;
      codingCited += coding.length;
    }
    // The filter keeps answers coming from the allowed guide, not just abstentions.
    expect(pharmacyCited).toBeGreaterThan(0);
    expect(codingCited).toBeGreaterThan(0);
  });

  it('topics lists each guide by title, then its sections, numbered straight through', async () => {
    const result = await ask('topics');
    expect(result.kind).toBe('topics');
    if (result.kind !== 'topics') return;
    const titles = advisor.index.documents.map((d) => d.title);
    expect([...new Set(result.outline.map((o) => o.guide))]).toEqual(titles);
    const text = renderText(result);
    for (const title of titles) expect(text).toContain(`${title}:`);
    expect(text.indexOf(`${titles[1]}:`)).toBeGreaterThan(text.indexOf(`${titles[0]}:`));
    expect(text).toContain(`${String(result.outline.length).padStart(3)}. `);
  });
});

describe('choosing a guide for a command: --guide NAME, and the place’s guides', () => {
  let handler: CommandHandler;
  beforeAll(async () => {
    const advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: twoGuideKnowledgeDir(), GUIDES_BY_PLACE: `discord:GCODE=${CODING_GUIDE}` }) });
    handler = createCommandHandler(advisor, { quizSeed: 'guide-choice' });
  });
  const send = (text: string, workspace?: string) => handler.handle({ text, conversationId: `g-${Math.random()}`, userId: 'u', platform: 'discord', ...(workspace ? { place: { workspace, channel: 'C' } } : {}) });

  it('cert list --guide pharmacy-technician lists only that guide’s credentials; cert CPhT --guide … finds its card', async () => {
    const list = await send('cert list --guide pharmacy-technician');
    expect(list.kind).toBe('cert-list');
    if (list.kind === 'cert-list') {
      expect(list.certifications.map((c) => c.acronym)).toContain('CPhT');
      expect(list.certifications.map((c) => c.acronym)).not.toContain('CPC');
    }
    expect(await send('cert CPhT --guide pharmacy-technician-guide.md')).toMatchObject({ kind: 'cert', card: { acronym: 'CPhT' } });
  });

  it('quiz --guide NAME asks only about that guide; topics --guide NAME outlines only it', async () => {
    const quiz = await send('quiz --guide pharmacy-technician 3');
    expect(quiz.kind).toBe('quiz-question');
    const topics = await send('topics --guide pharmacy-technician');
    expect(topics.kind).toBe('topics');
    if (topics.kind === 'topics') expect(topics.outline.every((o) => o.guide === undefined || o.guide.includes('Pharmacy'))).toBe(true);
  });

  it('an unknown guide name, or one the place may not use, is refused with the guides available there', async () => {
    const unknown = await send('quiz --guide astronaut');
    expect(unknown).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
    if (unknown.kind === 'error') expect(unknown.message).toContain('pharmacy-technician-guide');
    const outside = await send('cert list --guide pharmacy-technician', 'GCODE');
    expect(outside).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
    if (outside.kind === 'error') expect(outside.message.split('Use one of:')[1]).not.toContain('pharmacy');
    // In that server, cards come from the coding guide only.
    const list = await send('cert list', 'GCODE');
    if (list.kind === 'cert-list') expect(list.certifications.map((c) => c.acronym)).not.toContain('CPhT');
  });
});
