import type { CommandRequest } from '../types.js';
import type { RoundRules } from './quiz-session.js';

/**
 * How to answer, per place: the terminal reads every line; a DM reaches the bot whatever is typed;
 * in a Discord or Slack channel the bot only hears messages that mention it, so a bare letter would
 * never arrive: buttons (or a mention with the letter) are the way.
 */
function howToAnswer(request: Pick<CommandRequest, 'platform' | 'solo'>): string {
  if (request.platform === 'cli') return 'Type A, B, C or D.';
  if (request.solo) return 'Click a button or type the letter.';
  const where = request.platform === 'slack' ? ' in this thread' : '';
  return `Click a button below, or mention me with the letter${where}; a letter without a mention does not reach me here.`;
}

/** When a question closes and what happens then, in words. */
function roundsText(rules: RoundRules): string {
  if (rules.ms === undefined) return 'After each answer I show the right one with the guide line that proves it.';
  const after = rules.players === 1 ? ' or until you answer' : rules.players > 1 ? ` or until ${rules.players} players have answered` : '';
  return `Each question stays open for ${Math.round(rules.ms / 1000)} s${after}; then I post the answer, the guide line that proves it and the scores.`;
}

/** The line above a new quiz's first question. */
export function quizIntro(request: Pick<CommandRequest, 'platform' | 'solo'>, rules: RoundRules, count: number, topic?: string): string {
  const about = topic ? ` on “${topic}”` : '';
  const who = request.solo || request.platform === 'cli' ? '' : ' Everyone here can play; your first answer to each question counts.';
  return `Quiz${about}: ${count} question${count === 1 ? '' : 's'} from the guide.${who} ${roundsText(rules)} ${howToAnswer(request)}`;
}
