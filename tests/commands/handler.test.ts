import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, createCommandHandler, parseCommandLine, renderText, type CommandHandler, type CommandResult } from '../../src/commands/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';
import { expectCitationInGuide, guideSections } from './guide-text.js';

let advisor: CareerAdvisor;
let handler: CommandHandler;
const send = (text: string, conversationId = 'c1', userId = 'u1') => handler.handle({ text, conversationId, userId, platform: 'cli' });

beforeAll(async () => {
  advisor = await openTestAdvisor();
  handler = createCommandHandler(advisor);
});

describe('routing', () => {
  it('reads the command word, with or without "/", case-insensitively', () => {
    expect(parseCommandLine('/cert CPC', COMMANDS)).toMatchObject({ command: { name: 'cert' }, args: 'CPC' });
    expect(parseCommandLine('QUIZ salary', COMMANDS)).toMatchObject({ command: { name: 'quiz' }, args: 'salary' });
    expect(parseCommandLine('topics', COMMANDS)).toMatchObject({ command: { name: 'topics' }, args: '' });
    expect(parseCommandLine('how much do coders make?', COMMANDS)).toBeUndefined();
  });

  it('sends free text to ask, with the conversation', async () => {
    const result = await send('How much does an entry-level coder earn?');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.answer.answer).toContain('$28,000-$35,000');
    const text = renderText(result);
    expect(text).toMatch(/\n\nSources — clinical-coding-specialist-guide\.md\n {2}\[1\] Salary and Compensation › Compensation Overview/);
    // "ask …" is the same as free text.
    expect(await send('ask how much does an entry-level coder earn?')).toMatchObject({ kind: 'answer' });
  });

  it('treats "help me …" as a question but "help" and "help quiz" as help', async () => {
    const help = await send('help');
    expect(help.kind).toBe('help');
    if (help.kind === 'help') {
      for (const name of ['cert', 'plan', 'topics', 'quiz']) expect(help.text).toContain(name);
      expect(help.examples.length).toBeGreaterThanOrEqual(4);
    }
    expect(await send('/help quiz')).toMatchObject({ kind: 'help', text: expect.stringContaining('quiz answer') });
    expect((await send('help me understand what a CPC is')).kind).toBe('answer');
  });

  it('rejects empty and over-long messages with a clear reply', async () => {
    expect(await send('   ')).toMatchObject({ kind: 'error', code: 'INPUT_INVALID' });
    expect(await send('x'.repeat(2500))).toMatchObject({ kind: 'error', code: 'INPUT_INVALID', message: expect.stringContaining('limit') });
    expect(await send(`ask ${'why '.repeat(400)}`)).toMatchObject({ kind: 'error', code: 'INPUT_INVALID' });
  });

  it('renders every kind of result as text', async () => {
    const results: CommandResult[] = await Promise.all(['cert CPC', 'cert compare CPC CCA', 'cert nope', 'topics', 'topics salary', 'help'].map((t) => send(t, 'render')));
    for (const r of results) expect(renderText(r).length).toBeGreaterThan(20);
    expect(renderText({ kind: 'error', code: 'NOT_FOUND', message: 'Nope.' })).toBe('Nope.');
    expect(renderText({ kind: 'quiz-score', scoreboard: [], finished: true })).toContain('Nobody answered');
  });
});

describe('topics', () => {
  it('lists every section of the guide as an outline', async () => {
    const result = await send('topics');
    expect(result.kind).toBe('topics');
    if (result.kind !== 'topics') return;
    expect(result.outline.map((o) => o.section)).toEqual([...guideSections().keys()]);
    expect(result.outline.find((o) => o.title === 'Compensation Overview')).toEqual({ title: 'Compensation Overview', depth: 1, section: 'Salary and Compensation › Compensation Overview' });
  });

  it('opens the section whose heading matches, with its subsections, cited', async () => {
    const result = await send('topics salary');
    expect(result.kind).toBe('topic');
    if (result.kind !== 'topic') return;
    expect(result.section).toBe('Salary and Compensation');
    expect(result.text).toContain('Entry-Level (0-2 years): $28,000-$35,000 annually');
    expect(result.text).toContain('Factors Affecting Compensation');
    expect(result.citations.map((c) => c.section)).toEqual(['Salary and Compensation', 'Salary and Compensation › Compensation Overview', 'Salary and Compensation › Factors Affecting Compensation']);
    for (const c of result.citations) expectCitationInGuide(c);
  });

  it('matches words of deeper headings and outline numbers', async () => {
    expect(await send('topics remote')).toMatchObject({ kind: 'topic', section: expect.stringContaining('remotely') });
    const outline = (await send('topics')) as Extract<CommandResult, { kind: 'topics' }>;
    expect(await send('topics 5')).toMatchObject({ kind: 'topic', section: outline.outline[4]!.section });
    expect(await send('topics 999')).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
  });

  it('falls back to retrieval when no heading matches, and caps long sections', async () => {
    const result = await send('topics how long until I can code professionally');
    expect(result.kind).toBe('topic');
    const faq = await send('topics frequently asked questions');
    expect(faq.kind).toBe('topic');
    if (faq.kind !== 'topic') return;
    expect(faq.text.length).toBeLessThan(2100);
    expect(faq.text).toMatch(/more subsections/);
    for (const c of faq.citations) expectCitationInGuide(c);
  });
});
