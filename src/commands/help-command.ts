import { z } from 'zod';
import { certificationRecords } from './cards/certifications.js';
import { defineCommand, type CommandAdvisor } from './registry.js';
import type { CommandResult } from './types.js';

const helpInput = z.object({ command: z.string().trim().max(40).optional() });
export type HelpInput = z.infer<typeof helpInput>;

/** Examples built from what the loaded guides hold (their first credentials), not from any one career. */
function guideExamples(advisor: CommandAdvisor): string[] {
  const credentials = certificationRecords(advisor.index).map((r) => r.card.acronym);
  return [
    'How much can I earn, and how does pay grow?',
    ...(credentials[0] ? [`cert ${credentials[0]}`] : []),
    ...(credentials.length > 1 ? [`cert compare ${credentials[0]} ${credentials[1]}`] : []),
    'plan I have a high school diploma and want to get started',
    'topics',
    'quiz',
  ];
}

/** `help` (what the bot does, with examples) or `help <command>` (its usage). */
export const helpCommand = defineCommand({
  name: 'help',
  aliases: ['commands'],
  summary: 'What I can do',
  usage: 'help  |  help <command>',
  examples: ['help', 'help quiz'],
  input: helpInput,
  parse: (args) => (args.trim() ? { command: args.trim().replace(/^\//, '').toLowerCase() } : {}),
  run({ command }: HelpInput, { state, advisor }): CommandResult {
    const one = command ? state.commands.find((c) => c.name === command || c.aliases.includes(command)) : undefined;
    if (one) return { kind: 'help', text: `${one.name}: ${one.summary}\nUsage: ${one.usage}`, examples: [...one.examples] };
    const subjects = advisor.subjects.length > 0 ? advisor.subjects.join('; ') : 'the loaded career guides';
    const lines = [
      `I answer questions from the career guides (${subjects}), citing them. Ask in plain words, or use a command:`,
      ...state.commands.filter((c) => c.name !== 'help').map((c) => `• ${c.name} — ${c.summary}`),
      'Commands also work with a leading “/”. “help <command>” shows its options.',
    ];
    return { kind: 'help', text: lines.join('\n'), examples: guideExamples(advisor) };
  },
});
