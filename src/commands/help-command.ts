import { z } from 'zod';
import { defineCommand } from './registry.js';
import type { CommandResult } from './types.js';

const helpInput = z.object({ command: z.string().trim().max(40).optional() });
export type HelpInput = z.infer<typeof helpInput>;

/** `help` (what the bot does, with examples) or `help <command>` (its usage). */
export const helpCommand = defineCommand({
  name: 'help',
  aliases: ['commands'],
  summary: 'What I can do',
  usage: 'help  |  help <command>',
  examples: ['help', 'help quiz'],
  input: helpInput,
  parse: (args) => (args.trim() ? { command: args.trim().replace(/^\//, '').toLowerCase() } : {}),
  run({ command }: HelpInput, { state }): CommandResult {
    const one = command ? state.commands.find((c) => c.name === command || c.aliases.includes(command)) : undefined;
    if (one) return { kind: 'help', text: `${one.name}: ${one.summary}\nUsage: ${one.usage}`, examples: [...one.examples] };
    const lines = [
      'I answer questions about becoming a clinical coding specialist, citing the guide. Ask in plain words, or use a command:',
      ...state.commands.filter((c) => c.name !== 'help').map((c) => `• ${c.name} — ${c.summary}`),
      'Commands also work with a leading “/”. “help <command>” shows its options.',
    ];
    return {
      kind: 'help',
      text: lines.join('\n'),
      examples: ['How much does an entry-level coder earn?', 'cert CPC', 'cert compare CPC CCS', 'plan I’m a medical assistant and want to work remotely', 'topics salary', 'quiz certifications'],
    };
  },
});
