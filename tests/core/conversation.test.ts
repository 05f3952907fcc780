import { describe, expect, it } from 'vitest';
import type { ConversationTurn } from '../../src/answer/index.js';
import { ConversationStore } from '../../src/core/index.js';
import { MemoryState } from '../../src/state/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';

const turn = (question: string, abstained = false): ConversationTurn => ({ question, understood: question, abstained });

describe('ConversationStore', () => {
  it('keeps the last maxTurns turns per conversation, separately', async () => {
    const store = new ConversationStore(2, 60_000);
    expect(await store.history('a')).toEqual([]);
    await store.append('a', turn('a1'));
    await store.append('a', turn('a2'));
    await store.append('a', turn('a3'));
    await store.append('b', turn('b1'));
    expect((await store.history('a')).map((t) => t.question)).toEqual(['a2', 'a3']);
    expect((await store.history('b')).map((t) => t.question)).toEqual(['b1']);
  });

  it('forgets a conversation idle for longer than the TTL', async () => {
    let now = 1_000;
    const store = new ConversationStore(4, 500, new MemoryState({ maxEntries: 100, now: () => now }));
    await store.append('a', turn('q'));
    now += 500;
    expect(await store.history('a')).toHaveLength(1);
    now += 1;
    expect(await store.history('a')).toEqual([]);
    // An expired conversation starts afresh on the next turn.
    await store.append('a', turn('new'));
    expect((await store.history('a')).map((t) => t.question)).toEqual(['new']);
  });

  it('evicts the least recently used conversation beyond the memory cap', async () => {
    let now = 0;
    const store = new ConversationStore(4, 60_000, new MemoryState({ maxEntries: 2, now: () => ++now }));
    await store.append('a', turn('a1'));
    await store.append('b', turn('b1'));
    await store.append('a', turn('a2')); // a is now the most recent
    await store.append('c', turn('c1'));
    expect(await store.history('b')).toEqual([]);
    expect((await store.history('a')).map((t) => t.question)).toEqual(['a1', 'a2']);
    expect((await store.history('c')).map((t) => t.question)).toEqual(['c1']);
  });

  it('clear() forgets one conversation only', async () => {
    const store = new ConversationStore(4, 60_000);
    await store.append('a', turn('a1'));
    await store.append('b', turn('b1'));
    await store.clear('a');
    expect(await store.history('a')).toEqual([]);
    expect(await store.history('b')).toHaveLength(1);
  });

  it('maxTurns 0 keeps no history', async () => {
    const store = new ConversationStore(0, 60_000);
    await store.append('a', turn('q'));
    expect(await store.history('a')).toEqual([]);
  });
});

describe('follow-ups through CareerAdvisor (hashing embedder)', () => {
  it('carries the last answered question past an abstention', async () => {
    const advisor = await openTestAdvisor();
    await advisor.ask('Which AHIMA credential is for inpatient coding?', { conversationId: 'c' });
    const offTopic = await advisor.ask('Who won the 2022 World Cup?', { conversationId: 'c' });
    expect(offTopic.abstained).toBe(true);
    const followUp = await advisor.ask('And the one for physician offices?', { conversationId: 'c' });
    expect(followUp.rewritten_question).toContain('Which AHIMA credential is for inpatient coding?');
    expect(followUp.answer).toContain('CCS-P');
  });

  it('forget() drops the context of a conversation', async () => {
    const advisor = await openTestAdvisor();
    await advisor.ask('Which AHIMA credential is for inpatient coding?', { conversationId: 'c' });
    await advisor.forget('c');
    const followUp = await advisor.ask('And the one for physician offices?', { conversationId: 'c' });
    expect(followUp.rewritten_question).toBeUndefined();
  });

  it('small talk does not become the context of a follow-up', async () => {
    const advisor = await openTestAdvisor();
    await advisor.ask('Which AHIMA credential is for inpatient coding?', { conversationId: 'c' });
    await advisor.ask('thanks!', { conversationId: 'c' });
    const followUp = await advisor.ask('And the one for physician offices?', { conversationId: 'c' });
    expect(followUp.rewritten_question).toContain('Which AHIMA credential is for inpatient coding?');
  });

  it('reads a short message as continuing the conversation when the guide answers that reading', async () => {
    const advisor = await openTestAdvisor();
    await advisor.ask('What is the CPMA certification for?', { conversationId: 'c' });
    const leaning = await advisor.ask('how do I qualify?', { conversationId: 'c' });
    expect(leaning.rewritten_question).toContain('CPMA');
    expect(leaning.answer).toContain('CPMA');
    // Both readings are answered; in a conversation about the CPMA the short message means the CPMA's.
    const continued = await advisor.ask('continuing education?', { conversationId: 'c' });
    expect(continued.rewritten_question).toContain('CPMA');
    expect(continued.answer).toContain('continuing education');
  });

  it('CONVERSATION_TURNS=0 disables follow-up context', async () => {
    const advisor = await openTestAdvisor({ config: testConfig({ CONVERSATION_TURNS: '0' }) });
    await advisor.ask('Which AHIMA credential is for inpatient coding?', { conversationId: 'c' });
    const followUp = await advisor.ask('And the one for physician offices?', { conversationId: 'c' });
    expect(followUp.rewritten_question).toBeUndefined();
  });
});
