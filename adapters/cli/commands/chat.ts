import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { CareerAdvisorError } from '../../../src/errors.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { renderAnswer } from '../render-answer.js';

export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'Interactive chat that remembers the conversation (/help for commands)',
  usage: 'career-advisor chat',
  async run() {
    const advisor = await openAdvisor();
    const conversationId = `cli-${randomUUID()}`;
    const color = process.stdout.isTTY;
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    process.stdout.write('Ask about becoming a clinical coding specialist. /reset starts over, /quit leaves.\n');
    rl.setPrompt('you> ');
    rl.prompt();
    for await (const line of rl) {
      const text = line.trim();
      if (text === '/quit' || text === '/exit') break;
      if (text === '/reset') {
        advisor.forget(conversationId);
        process.stdout.write('Conversation cleared.\n');
      } else if (text) {
        try {
          // With a language model configured, print its words as they arrive, then the checked answer.
          let streamed = '';
          const onToken = advisor.config.LLM_PROVIDER === 'openai' ? (token: string) => void process.stdout.write((streamed += token, token)) : undefined;
          const answer = await advisor.ask(text, { conversationId, onToken });
          if (streamed && streamed.trim() === answer.answer.trim()) process.stdout.write(`\n${renderAnswer({ ...answer, answer: '' }, { color }).trimStart()}\n`);
          else process.stdout.write(`${streamed ? '\n\n' : ''}${renderAnswer(answer, { color })}\n`);
        } catch (error) {
          // A bad message must never end the session.
          process.stdout.write(`${error instanceof CareerAdvisorError ? error.message : 'Something went wrong answering that; please try again.'}\n`);
        }
      }
      rl.prompt();
    }
    rl.close();
    return 0;
  },
};
