import { z } from 'zod';
import { JsonStore } from '../../state/index.js';
import { buildCareerPlan } from './career-plan.js';
import { certificationRecords } from '../cards/certifications.js';
import { guideFacts } from '../guide/guide-facts.js';
import { emptyProfile, mergeProfile, missingField, parseProfileText, PLAN_QUESTIONS, PROFILE_FIELDS, type PlanProfile, type ProfileField, type ProfileVocabulary } from './plan-profile.js';
import { defineCommand, type CommandContext, type FeatureState } from '../registry.js';
import type { CommandResult } from '../types.js';

/** A plan being built with one person in one conversation. */
export interface PlanConversation {
  profile: PlanProfile;
  /** The question waiting for an answer. */
  asked?: ProfileField;
  questionsAsked: number;
}

const planInput = z.object({
  action: z.enum(['start', 'cancel', 'restart']),
  about: z.string().trim().max(1000, 'Please describe yourself in under 1000 characters.').optional(),
});
export type PlanInput = z.infer<typeof planInput>;

/** Plans in progress, by conversation and person, in the shared state (any worker continues them); idle ones are forgotten. */
const PLANS: FeatureState<JsonStore<PlanConversation>> = {
  name: 'plans',
  create: (settings) => new JsonStore<PlanConversation>(settings.state, 'plan', settings.planTtlMs ?? 60 * 60_000),
};
const plans = (context: CommandContext) => context.state.of(PLANS);

const planKey = (context: CommandContext) => `${context.request.conversationId}\u0000${context.request.userId}`;

function vocabulary(context: CommandContext): ProfileVocabulary {
  return {
    certifications: certificationRecords(context.advisor.index).map((r) => r.card.acronym),
    specialties: guideFacts(context.advisor.index).specializations.map((s) => s.term),
  };
}

/** Asks the next missing question, or builds the plan when nothing is missing. */
async function nextStep(context: CommandContext, conversation: PlanConversation): Promise<CommandResult> {
  const field = missingField(conversation.profile);
  if (!field) {
    await plans(context).delete(planKey(context));
    return { kind: 'plan', ...buildCareerPlan(context.advisor.index, conversation.profile) };
  }
  const remaining = PROFILE_FIELDS.filter((f) => !conversation.profile.answered[f]).length;
  conversation.asked = field;
  conversation.questionsAsked += 1;
  await plans(context).set(planKey(context), conversation);
  const intro = conversation.questionsAsked === 1 ? 'Let’s build your career plan from the guide (“plan cancel” stops). ' : '';
  return { kind: 'plan-question', question: `${intro}${PLAN_QUESTIONS[field]}`, step: conversation.questionsAsked, totalSteps: conversation.questionsAsked - 1 + remaining };
}

/** True when this person has a plan conversation waiting for an answer here. */
export async function hasPendingPlan(context: CommandContext): Promise<boolean> {
  return (await plans(context).get(planKey(context))) !== undefined;
}

/** The plan question this person's plan waits for here ("Back to your plan: …"), if one does. */
export async function pendingPlanQuestion(context: CommandContext): Promise<string | undefined> {
  const asked = (await plans(context).get(planKey(context)))?.asked;
  return asked ? `Back to your career plan: ${PLAN_QUESTIONS[asked]}` : undefined;
}

/** Treats a message as the answer to the pending plan question. */
export async function answerPlanQuestion(context: CommandContext, text: string): Promise<CommandResult> {
  const conversation = await plans(context).get(planKey(context));
  if (!conversation) return { kind: 'error', code: 'PLAN_NOT_RUNNING', message: 'No career plan is in progress. Start one with “plan”.' };
  conversation.profile = mergeProfile(conversation.profile, parseProfileText(text, vocabulary(context), conversation.asked));
  return nextStep(context, conversation);
}

/**
 * `plan` starts a guided conversation of at most three questions (education; experience and
 * current role; goals), then returns a roadmap. `plan <about me>` reads what it can from the one
 * line and only asks what is missing. State is kept per conversation and user.
 */
export const planCommand = defineCommand({
  name: 'plan',
  aliases: ['roadmap'],
  summary: 'A personal career roadmap (asks up to three questions)',
  usage: 'plan  |  plan <about you, e.g. "medical assistant, 2 years, want remote work">  |  plan cancel',
  examples: ['plan', 'plan I finished high school and have 2 years in customer service, I want a stable job', 'plan I hold an entry-level credential and 3 years of experience, I want to specialise'],
  input: planInput,
  // While this person's plan waits for an answer, their next message answers it.
  followUps: [{ order: 20, handle: async (text, context) => ((await hasPendingPlan(context)) ? answerPlanQuestion(context, text) : undefined), waiting: pendingPlanQuestion }],
  parse(args) {
    const text = args.trim();
    if (/^(?:cancel|stop|quit|exit|end)$/i.test(text)) return { action: 'cancel' };
    if (/^(?:restart|reset|again|new)$/i.test(text)) return { action: 'restart' };
    return text ? { action: 'start', about: text } : { action: 'start' };
  },
  async run(input: PlanInput, context): Promise<CommandResult> {
    if (input.action === 'cancel') {
      const had = await hasPendingPlan(context);
      await plans(context).delete(planKey(context));
      return {
        kind: 'help',
        text: had ? 'Career plan cancelled. Start again any time with “plan”.' : 'No career plan was in progress.',
        examples: ['plan', 'plan I finished high school and want to work in a hospital'],
      };
    }
    let profile = emptyProfile();
    if (input.about) profile = mergeProfile(profile, parseProfileText(input.about, vocabulary(context)));
    return nextStep(context, { profile, questionsAsked: 0 });
  },
});
