import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Citation } from '../../../src/answer/index.js';
import type { PlanStep } from '../../../src/commands/types.js';
import { guideNote, sourceLines } from './answer.js';
import { linesToFields, packMessages, truncate } from './embed-layout.js';
import { DISCORD_LIMITS } from './limits.js';
import { BOT_NAME, COLORS } from './style.js';
import type { Rendered, Surface } from './types.js';

const HOW_TO_ANSWER: Record<Surface, string> = {
  thread: 'Answer in this thread: mention me or reply to this message.',
  dm: 'Just reply here.',
  channel: 'Answer by mentioning me in this channel.',
};

/**
 * One question of the guided plan, with a hint on how to answer where it is shown; without a
 * number it is the check of what was understood before the plan is built.
 */
export function renderPlanQuestion(question: string, numbered: { step: number; of: number } | undefined, surface: Surface): Rendered {
  const embed: APIEmbed = {
    color: COLORS.answer,
    title: numbered ? `Career plan · question ${numbered.step} of ${numbered.of}` : 'Career plan · check before I build it',
    description: question,
    footer: { text: HOW_TO_ANSWER[surface] },
  };
  return { messages: packMessages([embed]), ephemeral: false };
}

/** The finished plan: summary, one field per step (time, salary, citations), sources. */
export function renderPlan(summary: string, steps: readonly PlanStep[], citations: readonly Citation[]): Rendered {
  const embed: APIEmbed = {
    color: COLORS.answer,
    title: 'Your career plan',
    description: summary,
    fields: [...steps.map(stepField), ...linesToFields('Sources', sourceLines(citations))],
    footer: { text: [BOT_NAME, guideNote(citations), 'a plan built from the guide; check details with your local employers'].filter(Boolean).join(' · ') },
  };
  return { messages: packMessages([embed]), ephemeral: false };
}

function stepField(step: PlanStep, i: number): APIEmbedField {
  const cites = step.cites.length ? ` ${step.cites.map((n) => `[${n}]`).join('')}` : '';
  const extras = [step.duration ? `⏱ ${step.duration}` : '', step.salary ? `💰 ${step.salary}` : ''].filter(Boolean).join(' · ');
  // The citation markers are appended after truncation so they survive a long step.
  const room = DISCORD_LIMITS.fieldValue - cites.length - (extras ? extras.length + 1 : 0);
  const value = `${truncate(step.detail, room)}${cites}${extras ? `\n${extras}` : ''}`;
  return { name: `${i + 1}. ${step.title}`, value };
}
