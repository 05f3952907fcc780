import { describe, expect, it } from 'vitest';
import type { ConversationTurn } from '../../src/answer/index.js';
import { ConversationStore } from '../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { cleanUpAdvisor } from '../helpers/guide-files.js';

const turn = (question: string, abstained = false): ConversationTurn => ({ question, understood: question, abstained });

describe('ConversationStore', () => {
  it('keeps the last maxTurns turns per conversation, separately', () => {
    const store = new ConversationStore(2, 60_000);
    expect(store.history('a')).toEqual([]);
    store.append('a', turn('a1'));
    store.append('a', turn('a2'));
    store.append('a', turn('a3'));
    store.append('b', turn('b1'));
    expect(store.history('a').map((t) => t.question)).toEqual(['a2', 'a3']);
    expect(store.history('b').map((t) => t.question)).toEqual(['b1']);
    expect(store.size).toBe(2);
  });

  it('forgets a conversation idle for longer than the TTL', () => {
    let now = 1_000;
    const store = new ConversationStore(4, 500, 100, () => now);
    store.append('a', turn('q'));
    now += 500;
    expect(store.history('a')).toHaveLength(1);
    now += 1;
    expect(store.history('a')).toEqual([]);
    expect(store.size).toBe(0);
    // An expired conversation starts afresh on the next turn.
    store.append('a', turn('new'));
    expect(store.history('a').map((t) => t.question)).toEqual(['new']);
  });

  it('evicts the least recently used conversation beyond maxConversations', () => {
    let now = 0;
    const store = new ConversationStore(4, 60_000, 2, () => ++now);
    store.append('a', turn('a1'));
    store.append('b', turn('b1'));
    store.append('a', turn('a2')); // a is now the most recent
    store.append('c', turn('c1'));
    expect(store.size).toBe(2);
    expect(store.history('b')).toEqual([]);
    expect(store.history('a').map((t) => t.question)).toEqual(['a1', 'a2']);
    expect(store.history('c').map((t) => t.question)).toEqual(['c1']);
  });

  it('clear() forgets one conversation only', () => {
    const store = new ConversationStore(4, 60_000);
    store.append('a', turn('a1'));
    store.append('b', turn('b1'));
    store.clear('a');
    expect(store.history('a')).toEqual([]);
    expect(store.history('b')).toHaveLength(1);
  });

  it('maxTurns 0 keeps no history', () => {
    // CONVERSATION_TURNS accepts 0 ("previous turns used to understand follow-ups"), but append()
    // keeps Math.max(1, maxTurns) turns, so 0 still remembers the last turn.
    const store = new ConversationStore(0, 60_000);
    store.append('a', turn('q'));
    expect(store.history('a')).toEqual([]);
  });
});

describe('follow-ups through CareerAdvisor (hashing embedder)', () => {
  it('carries the last answered question past an abstention', async () => {
    const advisor = cleanUpAdvisor(await openTestAdvisor());
    await advisor.ask('Which AHIMA credential is for inpatient coding?', { conversationId: 'c' });
    const offTopic = await advisor.ask('Who won the 2022 World Cup?', { conversationId: 'c' });
    expect(offTopic.abstained).toBe(true);
    const followUp = await advisor.ask('And the one for physician offices?', { conversationId: 'c' });
    expect(followUp.rewritten_question).toContain('Which AHIMA credential is for inpatient coding?');
    expect(followUp.answer).toContain('CCS-P');
  });

  it('forget() drops the context of a conversation', async () => {
    const advisor = cleanUpAdvisor(await openTestAdvisor());
    await advisor.ask('Which AHIMA credential is for inpatient coding?', { conversationId: 'c' });
    advisor.forget('c');
    const followUp = await advisor.ask('And the one for physician offices?', { conversationId: 'c' });
    expect(followUp.rewritten_question).toBeUndefined();
  });

  it('small talk does not become the context of a follow-up', async () => {
    const advisor = cleanUpAdvisor(await openTestAdvisor());
    await advisor.ask('Which AHIMA credential is for inpatient coding?', { conversationId: 'c' });
    await advisor.ask('thanks!', { conversationId: 'c' });
    const followUp = await advisor.ask('And the one for physician offices?', { conversationId: 'c' });
    expect(followUp.rewritten_question).toContain('Which AHIMA credential is for inpatient coding?');
  });

  it('CONVERSATION_TURNS=0 disables follow-up context', async () => {
    const advisor = cleanUpAdvisor(await openTestAdvisor({ config: testConfig({ CONVERSATION_TURNS: '0' }) }));
    await advisor.ask('Which AHIMA credential is for inpatient coding?', { conversationId: 'c' });
    const followUp = await advisor.ask('And the one for physician offices?', { conversationId: 'c' });
    expect(followUp.rewritten_question).toBeUndefined();
  });
});
