import { beforeAll, describe, expect, it } from 'vitest';
import { allQuizQuestions, createCommandHandler, generateQuizQuestions, renderText, type CommandHandler } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { CODING_GUIDE, MARKUP, PHARMACY_GUIDE, pharmacyKnowledgeDir, twoGuideKnowledgeDir } from '../../helpers/two-guides.js';

describe('quiz on the pharmacy technician guide alone', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: pharmacyKnowledgeDir() }) });
  });

  it('every question (what quiz --json exports) has its answer in its cited quote, no markup and no other career’s words', () => {
    const questions = allQuizQuestions(advisor.index);
    expect(questions.length).toBeGreaterThanOrEqual(30);
    for (const q of questions) {
      expect(q.citation.quote.toLowerCase(), `“${q.question}”`).toContain(q.answerText.toLowerCase());
      expect(q.citation.source).toBe(PHARMACY_GUIDE);
      for (const text of [q.question, q.explanation, q.citation.quote, ...q.options]) {
        expect(text, q.question).not.toMatch(MARKUP);
        expect(text, q.question).not.toMatch(/\bcod(?:er|ing)\b|AAPC|AHIMA/i);
      }
    }
  });

  it('asks about the guide’s salary table, career-stage headings and numbered steps', () => {
    const questions = allQuizQuestions(advisor.index);
    const find = (pattern: RegExp) => questions.find((q) => pattern.test(q.question));
    expect(find(/salary does the guide give for Trainee \(0-1 year\)/)!.answerText).toBe('$34,000-$38,500');
    expect(find(/experience goes with the Stage 3 \(Senior or Lead Technician\)/)!.answerText).toBe('3-5 years');
    expect(find(/step 6 of the guide's getting-started roadmap/)!.answerText).toBe('Pass the PTCE or the ExCPT to earn your CPhT');
    expect(find(/continuing education hours/)!.answerText).toBe('20');
  });

  it('quiz in the chat shows clean text', async () => {
    const handler = createCommandHandler(advisor, { quizSeed: 'pharmacy' });
    const result = await handler.handle({ text: 'quiz 5', conversationId: 'q', userId: 'u', platform: 'cli' });
    expect(result.kind).toBe('quiz-question');
    expect(renderText(result)).not.toMatch(MARKUP);
  });
});

describe('quiz with both guides loaded', () => {
  let advisor: CareerAdvisor;
  let handler: CommandHandler;
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: twoGuideKnowledgeDir() }) });
    handler = createCommandHandler(advisor, { quizSeed: 'both' });
  });

  it('quiz --guide NAME asks only about that guide, and every answer is in its quote', async () => {
    const questions = allQuizQuestions(advisor.index);
    for (const q of questions) expect(q.citation.quote.toLowerCase(), q.question).toContain(q.answerText.toLowerCase());
    expect(new Set(questions.map((q) => q.citation.source))).toEqual(new Set([CODING_GUIDE, PHARMACY_GUIDE]));
    const send = (text: string) => handler.handle({ text, conversationId: `quiz-${Math.random()}`, userId: 'u', platform: 'cli' });
    for (const [name, source] of [['pharmacy-technician', PHARMACY_GUIDE], ['clinical-coding-specialist-guide', CODING_GUIDE]] as const) {
      const first = await send(`quiz --guide ${name} 3`);
      expect(first.kind).toBe('quiz-question');
      if (first.kind !== 'quiz-question') continue;
      const asked = questions.filter((q) => q.question === first.question.question && first.question.options.includes(q.answerText));
      expect(asked.length, first.question.question).toBeGreaterThan(0);
      expect(asked.every((q) => q.citation.source === source)).toBe(true);
    }
  });

  it('seeded questions from both guides mix, each cited to its own guide', () => {
    const quiz = generateQuizQuestions(advisor.index, { count: 20, seed: 7 });
    expect(new Set(quiz.map((q) => q.citation.source)).size).toBe(2);
  });
});
