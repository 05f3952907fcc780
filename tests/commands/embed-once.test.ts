import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCommandHandler, type CommandHandler } from '../../src/commands/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { CountingEmbeddings } from '../helpers/counting-embeddings.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';

// The command layer embeds a message to read its intent, then the core embeds the question to
// retrieve: one request, one embedding of the same text.
let embedder: CountingEmbeddings;
let advisor: CareerAdvisor;
let handler: CommandHandler;
const send = (text: string, conversationId = 'c1') => handler.handle({ text, conversationId, userId: 'u1', platform: 'cli' });

beforeAll(async () => {
  embedder = new CountingEmbeddings();
  advisor = await openTestAdvisor({ embedder });
  handler = createCommandHandler(advisor);
  // The intent exemplars are embedded once, on the first message.
  await send('hello there, what can you do?', 'warm-up');
});

beforeEach(() => embedder.reset());

describe('one embedding per chat question', () => {
  it('embeds a plain question once, for reading its intent and answering it', async () => {
    expect(await send('How much does an entry-level coder earn?')).toMatchObject({ kind: 'answer', answer: { abstained: false } });
    expect(embedder.calls).toEqual([['How much does an entry-level coder earn?']]);
  });

  it('embeds a question typed with a typographic apostrophe once, as the plain one', async () => {
    expect((await send('What’s the pay for a coder starting out?', 'c2')).kind).toBe('answer');
    expect(embedder.calls).toEqual([["What's the pay for a coder starting out?"]]);
  });

  it('embeds a question with a lower-case acronym once, as the guide writes the acronym', async () => {
    await send('which ehr systems do coders use in hospitals', 'c4');
    expect(embedder.calls).toEqual([['which EHR systems do coders use in hospitals']]);
  });

  it('reads a short message in a conversation both ways, the follow-up reading in one more call', async () => {
    await send('Which credential should a coding auditor get?', 'c3');
    embedder.reset();
    await send('which exam?', 'c3');
    // The follow-up reading embeds the previous question with it; the previous answer's names only weigh in its terms.
    expect(embedder.calls).toEqual([['which exam?'], ['which exam? Which credential should a coding auditor get?']]);
  });

  it('reads a short message with a word the guide never uses both ways, the word and the follow-up reading in one more call', async () => {
    await send('Which credential should a coding auditor get?', 'c5');
    embedder.reset();
    await send('any carpool tips?', 'c5');
    expect(embedder.calls).toHaveLength(2);
    expect(embedder.calls[0]).toEqual(['any carpool tips?']);
    expect(embedder.calls[1]).toContain('carpool');
  });

  it('embeds a question of several sentences once per view, the whole one included', async () => {
    await send('I just finished my training. I work in a clinic. How do I get my first coding job?');
    const texts = embedder.texts();
    expect(texts.length).toBe(new Set(texts).size);
    expect(texts.filter((t) => t === 'I just finished my training. I work in a clinic. How do I get my first coding job?')).toHaveLength(1);
  });

  it('still embeds twice what differs: a credential masked for the intent, named for the answer', async () => {
    await send('how long is the CPC exam valid once I pass it?');
    // "valid" is no word of the test guide: it is looked up by meaning in the same call as the question (then cached per word).
    expect(embedder.calls).toEqual([['how long is the X exam valid once I pass it?'], ['how long is the CPC exam valid once I pass it?', 'valid']]);
    embedder.reset();
    await send('how long is the CPC exam valid once I pass it?', 'c2');
    expect(embedder.calls).toEqual([['how long is the X exam valid once I pass it?'], ['how long is the CPC exam valid once I pass it?']]);
  });

  it('embeds a question with a word the guide never uses in one call with that word', async () => {
    await advisor.ask('Can I ask a coworker about the pay?');
    expect(embedder.calls).toEqual([['Can I ask a coworker about the pay?', 'coworker']]);
  });

  it('embeds through ask alone once too', async () => {
    await advisor.ask('How much does an entry-level coder earn?');
    expect(embedder.calls).toHaveLength(1);
  });
});
