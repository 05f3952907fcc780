import * as ask from './ask.js';
import * as cert from './cert.js';
import * as help from './help.js';
import * as plan from './plan.js';
import * as quiz from './quiz.js';
import * as topics from './topics.js';
import type { SlashCommand } from './types.js';

/** Every slash command, in the order Discord lists them. */
export const slashCommands: readonly SlashCommand[] = [ask, cert, plan, topics, quiz, help];

/** The JSON bodies registered with Discord. */
export function commandDefinitions() {
  return slashCommands.map((c) => c.data.toJSON());
}

export function findSlashCommand(name: string): SlashCommand | undefined {
  return slashCommands.find((c) => c.data.name === name);
}
