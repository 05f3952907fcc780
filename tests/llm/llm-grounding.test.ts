import { describe, expect, it } from 'vitest';
import { composeExtractiveAnswer } from '../../src/answer/index.js';
import { NOTE_UNVERIFIED } from '../../src/llm/index.js';
import { FakeOpenAIServer, messageText, type ChatCompletionRequest } from '../fakes/openai/index.js';
import { excerptId, RecordingLogger, useScriptedLlm, writerFor } from './llm-test-kit.js';

/**
 * The reported bug, end to end through the real ChatOpenAI client and the fake server: a model
 * answer with an invented figure behind a valid citation must never reach the user.
 */
const fake = new FakeOpenAIServer();
const QUESTION = 'How much does an entry-level clinical coding specialist earn?';
const session = useScriptedLlm(fake, QUESTION);

const INVENTED_FEE = (id: number) => `Entry-Level (0-2 years): $28,000-$35,000 annually, and the exam fee is $987,654. [${id}]`;
const overview = (request: ChatCompletionRequest) => excerptId(request, 'Compensation Overview');
const reply = (answer: (id: number) => string) => (request: ChatCompletionRequest) => {
  const id = overview(request);
  return { json: { answer: answer(id), cited: [id], abstained: false } };
};

describe('generated answers: no invented figures behind a valid citation', () => {
  it('an invented figure is repaired once with a message naming it, then falls back to the extractive answer', async () => {
    fake.enqueue(reply(INVENTED_FEE), reply(INVENTED_FEE));
    const logger = new RecordingLogger();
    const answer = await writerFor(fake, {}, { logger }).write(QUESTION, session.retrieval, []);

    const extractive = composeExtractiveAnswer(session.retrieval);
    expect(answer).toMatchObject({ text: extractive.text, citations: extractive.citations, notes: [NOTE_UNVERIFIED] });
    expect(answer.text).not.toContain('987,654');
    const correction = messageText(fake.lastChatRequest().messages.at(-1)!);
    expect(correction).toContain('does not contain “$987,654”');
    expect(fake.chatRequests).toHaveLength(2);
    expect(logger.events('llm_answer')[0]).toMatchObject({ outcome: 'fallback_unverified', repairs: 1 });
  });

  it('the repaired answer is shown when the model drops the invented figure', async () => {
    fake.enqueue(reply(INVENTED_FEE), reply((id) => `Entry-level coders earn $28,000-$35,000 annually [${id}].`));
    const answer = await writerFor(fake).write(QUESTION, session.retrieval, []);
    expect(answer).toMatchObject({ text: 'Entry-level coders earn $28,000-$35,000 annually [1].', abstained: false });
    expect(answer.notes).toBeUndefined();
  });

  it('a different spelling of the cited figure passes ("$28K to $35K", "two years")', async () => {
    fake.enqueue(reply((id) => `With up to two years of experience, coders earn $28K to $35K a year [${id}].`));
    const answer = await writerFor(fake).write(QUESTION, session.retrieval, []);
    expect(answer.notes).toBeUndefined();
    expect(answer.text).toBe('With up to two years of experience, coders earn $28K to $35K a year [1].');
  });

  it('a streamed answer with an invented figure is replaced by the extractive answer', async () => {
    fake.enqueue((request) => ({ stream: ['Entry-level ', 'coders ', 'earn ', '$48,000 ', `[${overview(request)}].`] }));
    const tokens: string[] = [];
    const answer = await writerFor(fake).writeStream(QUESTION, session.retrieval, [], (t) => tokens.push(t));
    expect(tokens.join('')).toContain('$48,000');
    expect(answer).toMatchObject({ text: composeExtractiveAnswer(session.retrieval).text, notes: [NOTE_UNVERIFIED], streamed: false });
  });
});
