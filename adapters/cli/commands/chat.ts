import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { createCommandHandler, renderText } from '../../../src/commands/index.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { renderAnswer } from '../render-answer.js';

export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'Interactive chat that remembers the conversation (/help lists /cert, /plan, /topics, /quiz)',
  usage: 'career-advisor chat',
  async run() {
    const advisor = await openAdvisor();
    const commands = createCommandHandler(advisor);
    const conversationId = `cli-${randomUUID()}`;
    const userId = safeUserName();
    const color = process.stdout.isTTY;
    const streaming = advisor.config.LLM_PROVIDER === 'openai';
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    const about = advisor.subjects.length > 0 ? advisor.subjects.join('; ') : 'the loaded career guides';
    process.stdout.write(`Ask about ${about}, in plain words. /help lists commands, /reset starts over, /quit leaves.\n`);
    rl.setPrompt('you> ');
    rl.prompt();
    for await (const line of rl) {
      const text = line.trim();
      if (text === '/quit' || text === '/exit') break;
      if (text === '/reset') {
        await advisor.forget(conversationId);
        process.stdout.write('Conversation cleared.\n');
      } else if (text) {
        // With a language model configured, its words are printed as they arrive, then the checked answer's sources.
        let streamed = '';
        const onToken = streaming ? (token: string) => void process.stdout.write(((streamed += token), token)) : undefined;
        try {
          const result = await commands.handle({ text, conversationId, userId, platform: 'cli', onToken });
          if (result.kind !== 'answer') process.stdout.write(`${renderText(result)}\n`);
          else if (streamed && streamed.trim() === result.answer.answer.trim()) process.stdout.write(`\n${renderAnswer({ ...result.answer, answer: '' }, { color }).trimStart()}\n`);
          else process.stdout.write(`${streamed ? '\n\n' : ''}${renderAnswer(result.answer, { color })}\n`);
          if (result.kind === 'answer' && result.resume) process.stdout.write(`\n${result.resume}\n`);
        } catch (error) {
          // A bad message must never end the session.
          process.stdout.write(`Something went wrong answering that (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); please try again.\n`);
        }
      }
      rl.prompt();
    }
    rl.close();
    return 0;
  },
};

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli-user';
  }
}
