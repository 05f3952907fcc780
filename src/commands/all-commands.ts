import { askCommand } from './ask-command.js';
import { certCommand } from './cards/cert-command.js';
import { helpCommand } from './help-command.js';
import { planCommand } from './plans/plan-command.js';
import { quizCommand } from './quizzes/quiz-command.js';
import { intentFollowUp } from './intents/intent-follow-up.js';
import type { AnyCommand, FollowUp } from './registry.js';
import { topicsCommand } from './topics/topics-command.js';

/** Every command, in the order help lists them. The one place that names the features. */
export const COMMANDS: readonly AnyCommand[] = [askCommand, certCommand, planCommand, topicsCommand, quizCommand, helpCommand];

/** Plain-language routes to the features ("A or B?" → the comparison card, "quiz me on pay" → a quiz). */
export const INTENTS: readonly FollowUp[] = [intentFollowUp({ cert: certCommand, quiz: quizCommand })];
