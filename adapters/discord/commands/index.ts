export { certText } from './cert.js';
export { quizText } from './quiz.js';
export { commandDefinitions, findSlashCommand, slashCommands } from './registry.js';
export { answerWithText, askerOf, interactionPlace, slashCommand } from './shared.js';
export type { SlashCommand } from './types.js';
