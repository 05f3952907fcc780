import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../../src/answer/index.js';
import type { CertCard, CommandResult } from '../../../src/commands/types.js';
import {
  conversationIdFor,
  decodeCustomId,
  encodeCustomId,
  isAllowed,
  limitViolations,
  renderResult,
  stripMention,
  type MessagePayload,
} from '../../../adapters/discord/index.js';
import { certText } from '../../../adapters/discord/commands/cert.js';
import { quizText } from '../../../adapters/discord/commands/quiz.js';

const citation = (n: number): Citation => ({
  n,
  section: `Career Path › Stage ${n} › ${'Detail '.repeat(n % 5)}`.trim(),
  source: 'clinical-coding-specialist-guide.md',
  quote: `Quoted guide line number ${n}. `.repeat(8).trim(),
});

/** An answer of `lines` cited lines, long enough to need several embeds and messages. */
function longAnswer(lines: number): Answer {
  const text = Array.from({ length: lines }, (_, i) => `Line ${i + 1}: coders review clinical documentation and assign accurate codes for billing [${(i % 40) + 1}]`).join('\n');
  return {
    id: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    question: 'Tell me everything about becoming a coder?',
    answer: text,
    abstained: false,
    citations: Array.from({ length: 40 }, (_, i) => citation(i + 1)),
    timings: { retrieve_ms: 1, answer_ms: 1, total_ms: 2 },
    kind: 'answer',
  };
}

const allText = (messages: MessagePayload[]) =>
  messages.flatMap((m) => [m.content ?? '', ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])]).join('\n');

function expectWithinLimits(messages: MessagePayload[]) {
  for (const m of messages) expect(limitViolations(m)).toEqual([]);
}

describe('rendering within Discord limits', () => {
  it('a short answer is one embed with the text, numbered sources, footer and buttons', () => {
    const answer: Answer = { ...longAnswer(1), citations: [citation(1)] };
    const { messages, ephemeral } = renderResult({ kind: 'answer', answer }, 'channel');
    expect(ephemeral).toBe(false);
    expect(messages).toHaveLength(1);
    const [embed] = messages[0]!.embeds;
    expect(embed?.description).toBe(answer.answer);
    expect(embed?.fields).toEqual([expect.objectContaining({ name: 'Sources', value: `**[1]** ${citation(1).section}` })]);
    expect(embed?.footer?.text).toContain('Career Advisor');
    const ids = messages[0]!.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids).toEqual([`fb:up:${answer.id}`, `fb:down:${answer.id}`, `src:${answer.id}`]);
    expectWithinLimits(messages);
  });

  it('splits a very long answer over embeds and messages without losing a line or a marker', () => {
    const answer = longAnswer(400); // ~40,000 characters
    const { messages } = renderResult({ kind: 'answer', answer }, 'channel');
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n');
    expect(descriptions.split('\n').filter(Boolean)).toEqual(answer.answer.split('\n'));
    // Buttons go on the last message only, next to the sources.
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)!.components).toHaveLength(1);
    for (let n = 1; n <= 40; n++) expect(allText(messages)).toContain(`**[${n}]** ${citation(n).section}`);
  });

  it('keeps plans, outlines, cert cards and quiz results within limits', () => {
    const card: CertCard = {
      acronym: 'CPC',
      name: 'Certified Professional Coder',
      organization: 'AAPC',
      focus: ['physician office', 'outpatient'],
      summary: 'The most widely recognised outpatient credential.',
      related: Array.from({ length: 60 }, (_, i) => ({ text: `Related line ${i} `.repeat(6), n: (i % 3) + 1 })),
      citations: [citation(1), citation(2), citation(3)],
    };
    const results: CommandResult[] = [
      { kind: 'plan', summary: 'S'.repeat(5000), steps: Array.from({ length: 40 }, (_, i) => ({ title: `Step ${i}`, detail: 'Do the thing. '.repeat(120), duration: '6 months', salary: '$40,000', cites: [1, 2] })), citations: [citation(1), citation(2)] },
      { kind: 'topics', outline: Array.from({ length: 600 }, (_, i) => ({ title: `Section ${i} about coding careers`, depth: (i % 3) + 1, section: `S${i}` })) },
      { kind: 'cert', card },
      { kind: 'cert-compare', left: card, right: { ...card, acronym: 'CCS' }, differences: Array.from({ length: 80 }, (_, i) => `Difference ${i} `.repeat(5)) },
      { kind: 'cert-list', message: 'Unknown certification XYZ.', certifications: [{ acronym: 'CPC', name: 'Certified Professional Coder' }] },
      { kind: 'quiz-question', question: { quizId: 'q1', index: 0, total: 5, question: 'Which credential…?', options: ['CPC', 'CCS', 'CCA', 'RHIT'], closesAfter: 0 }, intro: 'Quiz time!' },
      { kind: 'quiz-answer', userId: '1', option: 'B', question: { quizId: 'q1', index: 0, total: 5, question: 'Q?', options: ['a', 'b', 'c'], closesAt: 1_700_000_020_000, closesAfter: 3 }, answered: 1 },
      {
        kind: 'quiz-round',
        round: { quizId: 'q1', index: 0, total: 5, question: 'Q?', answer: 'B. b', explanation: 'Because. '.repeat(300), citation: { ...citation(2), quote: 'A long cited line. '.repeat(200) }, answers: Array.from({ length: 60 }, (_, i) => ({ userId: `${1000 + i}`, option: 'B', correct: i % 2 === 0 })), closedBy: 'players' },
        scoreboard: Array.from({ length: 60 }, (_, i) => ({ userId: `${1000 + i}`, correct: 1, answered: 1 })),
        next: { quizId: 'q1', index: 1, total: 5, question: 'Next?', options: ['a', 'b', 'c', 'd'], closesAfter: 0 },
        finished: false,
        notice: 'Your answer B was the last one this question needed.',
      },
      { kind: 'quiz-score', scoreboard: [], finished: false },
      { kind: 'help', text: 'I answer questions.', examples: ['cert CPC'] },
      { kind: 'error', code: 'NOT_FOUND', message: 'x'.repeat(5000) },
      { kind: 'plan-question', question: 'What is your background?', step: 1, totalSteps: 3 },
    ];
    for (const result of results) expectWithinLimits(renderResult(result, 'thread').messages);
    const plan = renderResult(results[0]!, 'thread').messages;
    for (let i = 0; i < 40; i++) expect(allText(plan)).toContain(`${i + 1}. Step ${i}`);
    expect(renderResult(results[10]!, 'channel').ephemeral).toBe(true);
    // A player's answer is acknowledged to them alone; a closed question is for everyone.
    expect(renderResult(results[6]!, 'channel').ephemeral).toBe(true);
    expect(renderResult(results[7]!, 'channel').ephemeral).toBe(false);
    expect(renderResult(results[11]!, 'thread').messages[0]!.embeds[0]!.footer?.text).toMatch(/mention me or reply/);
  });

  it('quiz options become buttons A–D whose custom ids carry the quiz, the question and the option', () => {
    const { messages } = renderResult({ kind: 'quiz-question', question: { quizId: 'quiz-7', index: 2, total: 5, question: 'Q?', options: ['a', 'b', 'c', 'd'], closesAfter: 0 } }, 'channel');
    const ids = messages[0]!.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids.map((id) => decodeCustomId(id))).toEqual(['A', 'B', 'C', 'D'].map((option) => ({ type: 'quiz', quizId: 'quiz-7', index: 2, option })));
    expect(messages[0]!.embeds[0]!.title).toBe('Quiz · question 3 of 5');
  });
});

describe('custom ids and routing helpers', () => {
  it('round-trips every button action within 100 characters', () => {
    const uuid = '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    const actions = [
      { type: 'feedback', vote: 'down', answerId: uuid },
      { type: 'sources', answerId: uuid },
      { type: 'quiz', quizId: `a:${uuid}`, index: 12, option: 'D' },
    ] as const;
    for (const action of actions) {
      const id = encodeCustomId(action);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(id)).toEqual(action);
    }
    expect(decodeCustomId('something-else')).toBeNull();
  });

  it('scopes conversations: thread, channel+user, and a shared channel scope for quizzes', () => {
    const inChannel = { channelId: 'c1', userId: 'u1', isDM: false };
    const inThread = { channelId: 't1', threadId: 't1', parentId: 'c1', userId: 'u1', isDM: false };
    expect(conversationIdFor(inChannel, 'how much?')).toBe('c1:u1');
    expect(conversationIdFor(inThread, 'how much?')).toBe('t1');
    expect(conversationIdFor(inChannel, 'quiz answer B')).toBe('c1');
    expect(conversationIdFor({ ...inChannel, userId: 'u2' }, 'Quiz')).toBe('c1');
    expect(conversationIdFor(inChannel, '/trivia score')).toBe('c1');
    // A bare letter answers the channel's quiz only while one is open.
    expect(conversationIdFor(inChannel, 'B', { quizOpen: true })).toBe('c1');
    expect(conversationIdFor(inChannel, 'B')).toBe('c1:u1');
    expect(conversationIdFor(inChannel, 'Be specific', { quizOpen: true })).toBe('c1:u1');
  });

  it('applies the allow-list to channels and thread parents, never to DMs', () => {
    expect(isAllowed({ channelId: 'c9', userId: 'u', isDM: false }, [])).toBe(true);
    expect(isAllowed({ channelId: 'c9', userId: 'u', isDM: false }, ['c1'])).toBe(false);
    expect(isAllowed({ channelId: 'c1', userId: 'u', isDM: false }, ['c1'])).toBe(true);
    expect(isAllowed({ channelId: 't', threadId: 't', parentId: 'c1', userId: 'u', isDM: false }, ['c1'])).toBe(true);
    expect(isAllowed({ channelId: 'd', userId: 'u', isDM: true }, ['c1'])).toBe(true);
  });

  it('strips the bot mention in both forms', () => {
    expect(stripMention('<@42> how much  do coders make?', '42')).toBe('how much do coders make?');
    expect(stripMention('hey <@!42>, what is CPC? <@7>', '42')).toBe('hey , what is CPC? <@7>');
  });

  it('builds the command text for /cert and /quiz options', () => {
    expect(certText('CPC', null)).toBe('cert CPC');
    expect(certText(' CPC ', 'CCS')).toBe('cert compare CPC CCS');
    expect(certText(null, null)).toBe('cert');
    expect(quizText('start', 'salary')).toBe('quiz salary');
    expect(quizText('start', null)).toBe('quiz');
    expect(quizText('score', null)).toBe('quiz score');
    expect(quizText('stop', null)).toBe('quiz stop');
    expect(quizText('next', null)).toBe('quiz next');
    expect(quizText('start', ' certifications ', 3)).toBe('quiz certifications 3');
    expect(quizText('start', null, 2)).toBe('quiz 2');
  });
});

describe('partial answers on Discord', () => {
  it('show what the guide lacks, then the related line under "Related in the guide", with a Sources button for it', () => {
    const related = [citation(1)];
    const partial: Answer = {
      id: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5c',
      question: 'How much does the exam cost?',
      answer: "The guide doesn't give a figure for that. What it says under “Stage 1”:\nQuoted guide line number 1. [1]",
      abstained: true,
      citations: [],
      related,
      kind: 'partial',
      timings: { retrieve_ms: 1, answer_ms: 1, total_ms: 2 },
    };
    const rendered = renderResult({ kind: 'answer', answer: partial }, 'channel');
    const embed = rendered.messages[0]!.embeds![0]! as { description?: string; fields?: Array<{ name: string; value: string }> };
    expect(embed.description).toContain("The guide doesn't give a figure");
    expect(embed.fields?.map((f) => f.name)).toContain('Related in the guide');
    expect(embed.fields?.find((f) => f.name === 'Related in the guide')?.value).toContain('[1]');
    const buttons = JSON.stringify(rendered.messages.at(-1)!.components ?? []);
    expect(buttons).toContain('Sources');
  });
});
