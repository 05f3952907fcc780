import { smallTalkAnswer } from '../../answer/index.js';
import { runCommand, type AnyCommand, type CommandContext, type FollowUp } from '../registry.js';
import type { CommandResult } from '../types.js';
import { readIntent } from './read-intent.js';

/** The commands plain-language intents lead to. */
export interface IntentCommands {
  cert: AnyCommand;
  quiz: AnyCommand;
}

/** The command line an intent stands for, run through the command's own parser and schema. */
async function runIntent(text: string, context: CommandContext, commands: IntentCommands): Promise<CommandResult | undefined> {
  const intent = await readIntent(text, context.advisor, context.embeddings);
  switch (intent?.kind) {
    case 'compare':
      return runCommand(commands.cert, `compare "${intent.left.card.acronym}" "${intent.right.card.acronym}"`, context);
    case 'define':
      return runCommand(commands.cert, intent.record.card.acronym, context);
    case 'quiz':
      return runCommand(commands.quiz, intent.topic ?? '', context);
    case 'chat':
      return { kind: 'answer', answer: smallTalkAnswer(text, context.advisor.subjects) };
    default:
      return undefined;
  }
}

/**
 * Plain language reaching the features: "difference between A and B" → the comparison card,
 * "what is A" → A's card, "quiz me on pay" → a quiz, "yo what's up" → what the bot can do.
 * Runs after the session follow-ups (a quiz letter, a plan answer), before the message is a question.
 */
export function intentFollowUp(commands: IntentCommands): FollowUp {
  return {
    order: 50,
    intent: true,
    handle: (text, context) => runIntent(text, context, commands),
    // "quiz me on salaries" starts with the quiz command's word; its topic is what follows "on".
    async reread(command, text, context) {
      if (command !== commands.quiz) return undefined;
      const intent = await readIntent(text, context.advisor, context.embeddings);
      return intent?.kind === 'quiz' && intent.topic ? runCommand(commands.quiz, intent.topic, context) : undefined;
    },
  };
}
