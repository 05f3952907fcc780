import { parseArgs } from 'node:util';
import { z } from 'zod';
import { generateQuizQuestions, guidesNamed, indexForGuides, QUIZ_TOPICS, renderText } from '../../../src/commands/index.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { cliRequester, lineReader, openCommandHandler, printResult } from './core-command.js';

const optionsSchema = z.object({
  count: z.coerce.number().int().min(1, '--count must be at least 1').max(500, '--count must be at most 500').default(5),
  seed: z.string().trim().min(1).optional(),
  topic: z.string().trim().min(1).max(60).optional(),
  guide: z.string().trim().min(1).max(120).optional(),
});

/**
 * `career-advisor quiz --json --count N [--seed S] [--topic T] [--guide NAME]` exports N questions as a JSON
 * array ({question, options, answer, explanation, citation}); without --json it runs an
 * interactive quiz in the terminal (answers A–D on stdin; "stop" ends it).
 */
export const quizCommand: CliCommand = {
  name: 'quiz',
  summary: 'A multiple-choice quiz from the guide, or --json to export questions',
  usage: 'career-advisor quiz [--count N] [--seed S] [--topic T] [--guide NAME] [--json]',
  async run(args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, count: { type: 'string' }, seed: { type: 'string' }, topic: { type: 'string' }, guide: { type: 'string' } } });
    const parsed = optionsSchema.safeParse(values);
    if (!parsed.success) {
      process.stderr.write(`error [INPUT_INVALID]: ${parsed.error.issues.map((i) => i.message).join('; ')}\nUsage: ${quizCommand.usage}\n`);
      return 2;
    }
    const { count, seed, topic, guide } = parsed.data;
    if (values.json) {
      const advisor = await openAdvisor();
      const guides = guide === undefined ? undefined : guidesNamed(guide, advisor.index.documents);
      if (guides?.length === 0) {
        process.stderr.write(`error [NOT_FOUND]: no guide called “${guide}”. Use one of: ${advisor.index.documents.map((d) => d.source.replace(/\.[^./]+$/, '')).join(', ')}.\n`);
        return 1;
      }
      const questions = generateQuizQuestions(guides ? indexForGuides(advisor.index, guides) : advisor.index, { count, seed, topic });
      if (questions.length === 0) {
        process.stderr.write(`error [NOT_FOUND]: no questions match “${topic}”. Try one of: ${QUIZ_TOPICS.join(', ')}.\n`);
        return 1;
      }
      const exported = questions.map((q) => ({ question: q.question, options: q.options, answer: q.answer, explanation: q.explanation, citation: q.citation }));
      process.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
      return 0;
    }
    return playInTerminal(count, seed, topic, guide);
  },
};

async function playInTerminal(count: number, seed: string | undefined, topic: string | undefined, guide: string | undefined): Promise<number> {
  const handler = await openCommandHandler({ quizSeed: seed, quizLength: Math.min(count, 20) });
  const request = cliRequester();
  const reader = lineReader((prompt) => process.stdout.write(`${prompt}\n(A-D, or "stop")> `));
  try {
    const first = await handler.handle(request(`quiz ${topic ?? ''}${guide ? ` --guide "${guide}"` : ''}`.trim()));
    if (first.kind !== 'quiz-question') return printResult(first);
    let question = renderText({ kind: 'quiz-question', question: first.question });
    let shown = renderText(first);
    for (;;) {
      const line = (await reader.next(shown))?.trim();
      if (line === undefined || /^(?:stop|quit|exit)$/i.test(line)) return printResult(await handler.handle(request('quiz stop')));
      const result = await handler.handle(request(`quiz answer ${line || '?'}`));
      if (result.kind === 'quiz-round' && result.finished) return printResult(result);
      if (result.kind === 'quiz-round' && result.next) question = renderText({ kind: 'quiz-question', question: result.next });
      // After an error (e.g. "E"), show the message and the same question again.
      shown = result.kind === 'error' ? `${result.message}\n\n${question}` : renderText(result);
    }
  } finally {
    reader.close();
  }
}
