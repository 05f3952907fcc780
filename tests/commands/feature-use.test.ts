import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, type CommandHandler, type CommandResult } from '../../src/commands/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';

let advisor: CareerAdvisor;
let handler: CommandHandler;
let guide: string;
let conversation = 0;

beforeAll(async () => {
  advisor = await openTestAdvisor();
  handler = createCommandHandler(advisor, { quizSeed: 'usage' });
  guide = advisor.index.documents[0]!.source;
});

/** Every reply of one conversation, in order. */
async function converse(messages: string[], platform: 'cli' | 'slack' = 'cli'): Promise<CommandResult[]> {
  const conversationId = `usage-${++conversation}`;
  const replies: CommandResult[] = [];
  for (const text of messages) replies.push(await handler.handle({ text, conversationId, userId: 'u1', platform }));
  return replies;
}

const uses = (replies: CommandResult[]) => replies.map((r) => (r.usage ?? []).map((u) => `${u.feature} ${u.action}`));

describe('the uses a reply stands for (what the report counts)', () => {
  it('a card shown, two compared; a list or an unknown name is no card use', async () => {
    const [list] = await converse(['cert list']);
    const [a, b] = list!.kind === 'cert-list' ? list.certifications.map((c) => c.acronym) : [];
    const replies = await converse([`cert ${a}`, `cert compare ${a} ${b}`, 'cert NOSUCHCREDENTIAL']);
    expect(uses([list!, ...replies])).toEqual([[], ['card shown'], ['card compared'], []]);
    expect(replies[0]!.usage).toEqual([{ feature: 'card', action: 'shown', guide }]);
  });

  it('a plan counts as started when it starts and finished when it is built (on "yes" at the check)', async () => {
    const asked = await converse(['plan', 'high school diploma', 'no experience yet', 'I want a stable remote job', 'yes']);
    expect(asked.at(-1)!.kind).toBe('plan');
    expect(uses(asked)).toEqual([['plan started'], [], [], [], ['plan finished']]);
    // A complete one-line start shows the check first, so starting and finishing are two replies.
    const oneLine = await converse(['plan high school graduate, no experience, not sure what I want', 'yes']);
    expect(oneLine.map((r) => r.kind)).toEqual(['plan-question', 'plan']);
    expect(oneLine[0]!.usage).toEqual([{ feature: 'plan', action: 'started', guide }]);
    expect(oneLine[1]!.usage).toEqual([{ feature: 'plan', action: 'finished', guide }]);
  });

  it('a quiz counts as started, each answer that counts, and finished only when played to the end', async () => {
    const played = await converse(['quiz 2', 'quiz answer A', 'quiz answer Z', 'quiz score', 'B']);
    expect(played.map((r) => r.kind)).toEqual(['quiz-question', 'quiz-round', 'error', 'quiz-score', 'quiz-round']);
    expect(uses(played)).toEqual([['quiz started'], ['quiz answered'], [], [], ['quiz answered', 'quiz finished']]);
    const stopped = await converse(['quiz 3', 'quiz stop']);
    expect(uses(stopped)).toEqual([['quiz started'], []]);
  });
});
