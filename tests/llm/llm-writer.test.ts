import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerSchema, composeExtractiveAnswer } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { ABSTENTION_TEXT, NOTE_UNVERIFIED } from '../../src/llm/index.js';
import { countFakeTokens, FakeOpenAIServer, messageText, promptText, type ChatCompletionRequest } from '../fakes/openai/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';
import { excerptId, excerptSections, RecordingLogger, retrieve, systemText, writerFor } from './llm-test-kit.js';

const fake = new FakeOpenAIServer();
let advisor: CareerAdvisor;
const guide = readFileSync(join(import.meta.dirname, '../../knowledge/clinical-coding-specialist-guide.md'), 'utf8');

const SALARY_Q = 'How much does an entry-level clinical coding specialist earn?';
const SALARY_SECTION = 'Salary and Compensation › Compensation Overview';
const ENTRY_LINE = 'Entry-Level (0-2 years): $28,000-$35,000 annually';

/** A structured reply citing the excerpt whose section contains `fragment`. */
const citing = (fragment: string, answer: (id: number) => string) => (request: ChatCompletionRequest) => {
  const id = excerptId(request, fragment);
  return { json: { answer: answer(id), cited: [id], abstained: false } };
};

/** Tokens the fake charges for a structured reply of `json` to `request` (its word-count tokenizer). */
const fakeUsage = (request: ChatCompletionRequest, json: unknown) => {
  const input = countFakeTokens(promptText(request));
  const output = countFakeTokens(JSON.stringify(json));
  return { input, output };
};

beforeAll(async () => {
  await fake.start();
  advisor = await openTestAdvisor();
});

afterEach(() => {
  expect(fake.pendingReplies, 'every scripted reply should have been consumed').toBe(0);
  fake.reset();
});

afterAll(async () => {
  await fake.stop();
});

describe('LLM writer: grounded answers through the real ChatOpenAI', () => {
  it('passes a grounded answer through, citations mapped to the sections the model cited', async () => {
    const retrieval = await retrieve(advisor, SALARY_Q);
    fake.enqueue(citing('Compensation Overview', (id) => `Entry-level coders earn $28,000-$35,000 a year [${id}].`));

    const answer = await writerFor(fake).write(SALARY_Q, retrieval, []);

    expect(answer).toMatchObject({ text: 'Entry-level coders earn $28,000-$35,000 a year [1].', abstained: false });
    expect(answer.notes).toBeUndefined();
    expect(answer.citations).toEqual([{ n: 1, section: SALARY_SECTION, source: 'clinical-coding-specialist-guide.md', quote: ENTRY_LINE }]);
    // Quotes are verbatim guide lines.
    expect(guide).toContain(answer.citations[0]!.quote);

    const request = fake.lastChatRequest();
    expect(request).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0.1,
      response_format: { type: 'json_schema', json_schema: { name: 'grounded_answer', strict: true } },
    });
    expect(request.max_tokens ?? request.max_completion_tokens).toBe(600);
  });

  it('renumbers the cited excerpts 1..m in order of first use and quotes each one', async () => {
    const question = 'What affects a clinical coding salary, and what does an entry-level coder earn?';
    const retrieval = await retrieve(advisor, question);
    fake.enqueue((request) => {
      const factors = excerptId(request, 'Factors Affecting Compensation');
      const overview = excerptId(request, 'Compensation Overview');
      return {
        json: {
          answer: `Pay depends on geographic location and certifications [${factors}]. Entry-level coders earn $28,000-$35,000 annually [${overview}]; both matter [${overview}, ${factors}].`,
          cited: [factors, overview],
          abstained: false,
        },
      };
    });

    const answer = await writerFor(fake).write(question, retrieval, []);

    expect(answer.text).toBe('Pay depends on geographic location and certifications [1]. Entry-level coders earn $28,000-$35,000 annually [2]; both matter [1, 2].');
    expect(answer.citations.map((c) => [c.n, c.section])).toEqual([
      [1, 'Salary and Compensation › Factors Affecting Compensation'],
      [2, SALARY_SECTION],
    ]);
    expect(answer.citations[0]!.quote).toContain('Geographic Location');
    expect(answer.citations[1]!.quote).toContain(ENTRY_LINE);
    for (const c of answer.citations) for (const line of c.quote.split('\n')) expect(guide).toContain(line);
  });

  it('catches a citation of an excerpt that was not provided and repairs it with one corrective message', async () => {
    const retrieval = await retrieve(advisor, SALARY_Q);
    const bad = { answer: 'Entry-level coders earn $28,000-$35,000 a year [9].', cited: [9], abstained: false };
    let good: unknown;
    fake.enqueue({ json: bad }, (request) => {
      good = citing('Compensation Overview', (id) => `Entry-level coders earn $28,000-$35,000 a year [${id}].`)(request).json;
      return { json: good };
    });

    const answer = await writerFor(fake).write(SALARY_Q, retrieval, []);

    expect(answer.text).toBe('Entry-level coders earn $28,000-$35,000 a year [1].');
    expect(answer.citations[0]!.section).toBe(SALARY_SECTION);
    expect(answer.notes).toBeUndefined();
    const [first, second] = fake.chatRequests;
    expect(second!.messages.slice(0, first!.messages.length)).toEqual(first!.messages);
    const [assistant, correction] = second!.messages.slice(first!.messages.length);
    expect(assistant).toMatchObject({ role: 'assistant' });
    expect(JSON.parse(messageText(assistant!))).toEqual(bad);
    expect(messageText(correction!)).toMatch(/rejected[\s\S]*\[9\][\s\S]*only excerpts \[1\] to \[\d\] exist/);
    // Usage covers both calls.
    const a = fakeUsage(first!, bad);
    const b = fakeUsage(second!, good);
    expect(answer.usage).toEqual({ input_tokens: a.input + b.input, output_tokens: a.output + b.output, total_tokens: a.input + b.input + a.output + b.output });
  });

  it('falls back to the extractive answer when the citations still do not check out (never shown unverified)', async () => {
    const retrieval = await retrieve(advisor, SALARY_Q);
    fake.enqueue(
      { json: { answer: 'Coders earn $90,000 [7].', cited: [7], abstained: false } },
      { json: { answer: 'Coders earn $90,000 [8].', cited: [8], abstained: false } },
    );

    const answer = await writerFor(fake).write(SALARY_Q, retrieval, []);

    const extractive = composeExtractiveAnswer(retrieval);
    expect(answer).toMatchObject({ text: extractive.text, citations: extractive.citations, notes: [NOTE_UNVERIFIED] });
    expect(answer.text).not.toContain('$90,000');
    expect(answer.usage?.total_tokens).toBeGreaterThan(0);
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('rejects "cited" ids that were not provided even when the text markers are fine', async () => {
    const retrieval = await retrieve(advisor, SALARY_Q);
    fake.enqueue(
      (request) => ({ json: { answer: `Entry-level coders earn $28,000-$35,000 [${excerptId(request, 'Compensation Overview')}].`, cited: [1, 42], abstained: false } }),
      (request) => ({ json: { answer: `Entry-level coders earn $28,000-$35,000 [${excerptId(request, 'Compensation Overview')}].`, cited: [1, 42], abstained: false } }),
    );
    const answer = await writerFor(fake).write(SALARY_Q, retrieval, []);
    expect(answer.notes).toEqual([NOTE_UNVERIFIED]);
    expect(messageText(fake.lastChatRequest().messages.at(-1)!)).toContain('"cited" lists 42');
  });

  it('repairs output that fails schema validation, and an uncited answer', async () => {
    const retrieval = await retrieve(advisor, SALARY_Q);
    fake.enqueue(
      { json: { answer: 'Entry-level coders earn $28,000-$35,000.', cited: ['one'], abstained: 'no' } },
      citing('Compensation Overview', (id) => `Entry-level coders earn $28,000-$35,000 [${id}].`),
      { json: { answer: 'Entry-level coders earn $28,000-$35,000.', cited: [], abstained: false } },
      citing('Compensation Overview', (id) => `Entry-level coders earn $28,000-$35,000 [${id}].`),
    );
    const writer = writerFor(fake);

    const repairedSchema = await writer.write(SALARY_Q, retrieval, []);
    expect(messageText(fake.chatRequests[1]!.messages.at(-1)!)).toMatch(/cited\.0: .*number[\s\S]*abstained: .*boolean/);
    const repairedUncited = await writer.write(SALARY_Q, retrieval, []);
    expect(messageText(fake.chatRequests[3]!.messages.at(-1)!)).toContain('The answer has no citations');

    for (const answer of [repairedSchema, repairedUncited]) {
      expect(answer).toMatchObject({ text: 'Entry-level coders earn $28,000-$35,000 [1].', abstained: false });
      expect(answer.notes).toBeUndefined();
    }
  });

  it("reports an abstention as the guide not covering the question, with no citations", async () => {
    const question = 'What is the best pizza topping in Naples?';
    const retrieval = await retrieve(advisor, question);
    fake.enqueue({ json: { answer: "The guide doesn't cover this.", cited: [], abstained: true } });
    const answer = await writerFor(fake).write(question, retrieval, []);
    expect(answer).toMatchObject({ text: ABSTENTION_TEXT, abstained: true, citations: [] });
    expect(answer.notes).toBeUndefined();
  });

  it('works with function calling and JSON mode for servers without json_schema', async () => {
    const retrieval = await retrieve(advisor, SALARY_Q);
    const reply = citing('Compensation Overview', (id) => `Entry-level coders earn $28,000-$35,000 [${id}].`);

    fake.enqueue(reply);
    const viaTools = await writerFor(fake, { LLM_STRUCTURED_OUTPUT: 'function_calling' }).write(SALARY_Q, retrieval, []);
    expect(fake.lastChatRequest()).toMatchObject({ tool_choice: { type: 'function', function: { name: 'grounded_answer' } } });

    fake.enqueue(reply);
    const viaJsonMode = await writerFor(fake, { LLM_STRUCTURED_OUTPUT: 'json_mode' }).write(SALARY_Q, retrieval, []);
    expect(fake.lastChatRequest()).toMatchObject({ response_format: { type: 'json_object' } });

    for (const answer of [viaTools, viaJsonMode]) {
      expect(answer).toMatchObject({ text: 'Entry-level coders earn $28,000-$35,000 [1].', citations: [{ n: 1, section: SALARY_SECTION }] });
    }
  });
});

describe('LLM writer: what the prompt contains', () => {
  it('contains only the instructions, the guide excerpts, the earlier questions and the question', async () => {
    const history = ['How do I become a clinical coding specialist?', 'Which certifications are there?', 'How long does it take?', 'Can I work remotely?'];
    const question = 'And what does an entry-level coder earn?';
    const retrieval = await retrieve(advisor, question);
    fake.enqueue(citing('Compensation Overview', (id) => `Entry-level coders earn $28,000-$35,000 [${id}].`));

    await writerFor(fake).write(
      question,
      retrieval,
      history.map((q) => ({ question: q, understood: q, abstained: false })),
    );

    const request = fake.lastChatRequest();
    // No user ids, metadata or anything beyond the model settings goes over the wire.
    expect(Object.keys(request).sort()).toEqual(['max_tokens', 'messages', 'model', 'response_format', 'stream', 'temperature'].sort());
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user']);

    // Earlier questions: the last three only, oldest first.
    const user = messageText(request.messages[1]!);
    expect(user).toBe(`Earlier questions in this conversation, oldest first:\n- ${history[1]}\n- ${history[2]}\n- ${history[3]}\n\nQuestion: ${question}`);

    // The system message is the fixed instructions followed by the guide excerpts; every excerpt
    // line is a retrieved section's heading path or a verbatim line of that section.
    const system = systemText(request);
    const [instructions, excerpts] = system.split('\nGuide excerpts:\n\n');
    expect(instructions).not.toMatch(/\d{3}|@|user/i);
    const sections = retrieval.sections.map((s) => s.entry);
    const allowed = new Set<string>(['…']);
    for (const entry of sections) {
      for (const b of entry.section.blocks) allowed.add(b.kind === 'bullet' ? `- ${b.text}` : b.text);
      if (entry.section.blocks.length === 0) allowed.add(`Subsections: ${entry.children.map((c) => c.headingPath.at(-1)).join('; ')}`);
    }
    const paths = new Set(sections.map((e) => e.section.headingPath.join(' › ')));
    for (const line of excerpts!.split('\n').filter((l) => l !== '')) {
      const header = /^\[(\d+)\] (.+)$/.exec(line);
      if (header) expect(paths.has(header[2]!), line).toBe(true);
      else expect(allowed.has(line), line).toBe(true);
    }
    expect(excerptSections(request).size).toBeGreaterThanOrEqual(3);
    expect(excerpts!.length).toBeLessThanOrEqual(6_000 + 200);
  });

  it('never sends the conversation id through the advisor, and logs usage without any text', async () => {
    const logger = new RecordingLogger();
    const writer = writerFor(fake, {}, { logger });
    const wired = await openTestAdvisor({ writer });
    fake.enqueue(
      citing('Education', (id) => `You need a high school diploma or GED [${id}].`),
      citing('Compensation Overview', (id) => `Entry-level coders earn $28,000-$35,000 annually [${id}].`),
    );

    await wired.ask('What education do I need to become a clinical coding specialist?', { conversationId: 'discord:user-8472913' });
    const answer = await wired.ask('And how much does an entry-level one earn?', { conversationId: 'discord:user-8472913' });

    expect(() => answerSchema.parse(answer)).not.toThrow();
    expect(answer.citations[0]).toMatchObject({ n: 1, section: SALARY_SECTION });
    expect(answer.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: expect.any(Number) });
    expect(answer.usage!.total_tokens).toBe(answer.usage!.input_tokens + answer.usage!.output_tokens);
    expect(JSON.stringify(fake.chatRequests)).not.toContain('8472913');
    expect(messageText(fake.lastChatRequest().messages[1]!)).toContain('- What education do I need to become a clinical coding specialist?');

    const logged = logger.events('llm_answer');
    expect(logged).toHaveLength(2);
    expect(logged[1]).toMatchObject({ outcome: 'generated', model: 'gpt-4o-mini', calls: 1, ...answer.usage });
    const everything = JSON.stringify(logger.entries);
    expect(everything).not.toMatch(/education|earn|28,000|8472913/i);
  });
});
