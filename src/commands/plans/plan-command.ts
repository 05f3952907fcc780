import { z } from 'zod';
import { JsonStore } from '../../state/index.js';
import { contentTerms, isConfirmation, isDecline } from '../../text/index.js';
import { indexForGuides } from '../guide/guide-scope.js';
import { buildCareerPlan, understoodProfile } from './career-plan.js';
import { confirmQuestion, correctProfile, isLabelledCorrection } from './plan-confirm.js';
import { emptyProfile, mergeProfile, missingField, planQuestion, PROFILE_FIELDS, type PlanProfile, type ProfileField } from './plan-profile.js';
import { guideSubjects, profileVocabulary } from './plan-vocabulary.js';
import { parseProfileText } from './read-profile.js';
import { defineCommand, type CommandContext, type FeatureState } from '../registry.js';
import type { CommandResult } from '../types.js';
import type { FeatureUse } from '../../store/index.js';

type PlanAsk = ProfileField | 'career' | 'confirm';

/** A plan being built with one person in one conversation. */
export interface PlanConversation {
  profile: PlanProfile;
  /** The question waiting for an answer: a profile field, which career (several guides loaded), or the check before building. */
  asked?: PlanAsk;
  questionsAsked: number;
  /** The guide the plan comes from, once known (several guides loaded). */
  guide?: string;
  /** What the person said when starting, kept until the career is known (it is read with that guide's words). */
  about?: string;
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

/** The index the plan reads: the chosen guide's, or everything in scope when only one guide is. */
function planIndex(context: CommandContext, conversation: PlanConversation) {
  const index = context.advisor.index;
  return conversation.guide ? indexForGuides(index, [conversation.guide]) : index;
}

const needsCareer = (context: CommandContext, conversation: PlanConversation) => !conversation.guide && context.advisor.index.documents.length > 1;

/** The guide a message names: by its number in the list, or by all the words of its subject ("pharmacy technician"). */
function careerNamed(text: string, context: CommandContext): string | undefined {
  const documents = context.advisor.index.documents;
  const number = /^\s*(\d+)\s*\.?\s*$/.exec(text);
  if (number) return documents[Number(number[1]) - 1]?.source;
  const words = new Set(contentTerms(text));
  const subjects = guideSubjects({ documents });
  const named = documents.filter((d, i) => {
    const subject = contentTerms(subjects[i] ?? d.title);
    const field = profileVocabulary(indexForGuides(context.advisor.index, [d.source])).field;
    return (subject.length > 0 && subject.every((t) => words.has(t))) || (!!field && words.has(contentTerms(field)[0] ?? field));
  });
  return named.length === 1 ? named[0]!.source : undefined;
}

function careerQuestion(context: CommandContext): string {
  const titles = context.advisor.index.documents.map((d, i) => `${i + 1}. ${d.title}`);
  return `Which career is the plan for? ${titles.join('  ')} (answer with its number or name)`;
}

/** Reads what the person said at the start once the guide is known. */
function readPendingAbout(context: CommandContext, conversation: PlanConversation): void {
  if (!conversation.about || needsCareer(context, conversation)) return;
  conversation.profile = mergeProfile(conversation.profile, parseProfileText(conversation.about, profileVocabulary(planIndex(context, conversation))));
  delete conversation.about;
}

/** "So far: high school diploma or GED; no pharmacy experience yet. (Correct anything in your answer.)" */
function soFar(context: CommandContext, conversation: PlanConversation): string {
  const understood = understoodProfile(planIndex(context, conversation), conversation.profile);
  return understood.length ? `So far I have: ${understood.join('; ')} (correct anything in your answer). ` : '';
}

async function ask(context: CommandContext, conversation: PlanConversation, asked: PlanAsk, question: string): Promise<CommandResult> {
  const remaining = PROFILE_FIELDS.filter((f) => !conversation.profile.answered[f]).length;
  conversation.asked = asked;
  conversation.questionsAsked += 1;
  await plans(context).set(planKey(context), conversation);
  const intro = conversation.questionsAsked === 1 ? 'Let’s build your career plan from the guide (“plan cancel” stops). ' : '';
  const total = conversation.questionsAsked - 1 + remaining + (asked === 'career' ? 1 : 0);
  // The check before building is not one of the numbered questions.
  const confirm = asked === 'confirm' ? { confirm: true as const } : {};
  return { kind: 'plan-question', question: `${intro}${question}`, step: conversation.questionsAsked, totalSteps: Math.max(total, conversation.questionsAsked), ...confirm };
}

/** The plan's use for the report, with its guide once known (or the only guide loaded). */
function planUse(action: 'started' | 'finished', context: CommandContext, conversation: PlanConversation): FeatureUse {
  const documents = context.advisor.index.documents;
  const guide = conversation.guide ?? (documents.length === 1 ? documents[0]!.source : undefined);
  return { feature: 'plan', action, ...(guide ? { guide } : {}) };
}

/** Asks which career (several guides), then the next missing question, then what was understood before building. */
async function nextStep(context: CommandContext, conversation: PlanConversation): Promise<CommandResult> {
  if (needsCareer(context, conversation)) return ask(context, conversation, 'career', careerQuestion(context));
  readPendingAbout(context, conversation);
  const index = planIndex(context, conversation);
  const field = missingField(conversation.profile);
  if (!field) return ask(context, conversation, 'confirm', confirmQuestion(index, conversation.profile));
  return ask(context, conversation, field, `${soFar(context, conversation)}${planQuestion(field, profileVocabulary(index))}`);
}

/** The reply to the check: "yes" builds the plan, "no" asks what to change, anything else is read as a correction. */
async function answerConfirm(context: CommandContext, conversation: PlanConversation, text: string): Promise<CommandResult> {
  const index = planIndex(context, conversation);
  if (isConfirmation(text)) {
    await plans(context).delete(planKey(context));
    return { kind: 'plan', ...buildCareerPlan(index, conversation.profile), usage: [planUse('finished', context, conversation)] };
  }
  const corrected = isDecline(text) ? conversation.profile : correctProfile(conversation.profile, text, profileVocabulary(index));
  const lead = isDecline(text) ? 'What should I change? ' : corrected === conversation.profile ? 'I couldn’t read a change from that. ' : 'Updated. ';
  conversation.profile = corrected;
  return ask(context, conversation, 'confirm', `${lead}${confirmQuestion(index, corrected)}`);
}

/** True when this person has a plan conversation waiting for an answer here. */
export async function hasPendingPlan(context: CommandContext): Promise<boolean> {
  return (await plans(context).get(planKey(context))) !== undefined;
}

/** The plan question this person's plan waits for here ("Back to your plan: …"), if one does. */
export async function pendingPlanQuestion(context: CommandContext): Promise<string | undefined> {
  const conversation = await plans(context).get(planKey(context));
  const asked = conversation?.asked;
  if (!conversation || !asked) return undefined;
  const index = planIndex(context, conversation);
  const question = asked === 'career' ? careerQuestion(context) : asked === 'confirm' ? confirmQuestion(index, conversation.profile) : planQuestion(asked, profileVocabulary(index));
  return `Back to your career plan: ${question}`;
}

/** At the check before building, "yes", "no" and a labelled correction ("goal: …") are answers, never requests. */
async function isCheckReply(text: string, context: CommandContext): Promise<boolean> {
  const conversation = await plans(context).get(planKey(context));
  return conversation?.asked === 'confirm' && (isConfirmation(text) || isDecline(text) || isLabelledCorrection(text));
}

/** Treats a message as the answer to the pending plan question. */
export async function answerPlanQuestion(context: CommandContext, text: string): Promise<CommandResult> {
  const conversation = await plans(context).get(planKey(context));
  if (!conversation) return { kind: 'error', code: 'PLAN_NOT_RUNNING', message: 'No career plan is in progress. Start one with “plan”.' };
  if (conversation.asked === 'confirm') return answerConfirm(context, conversation, text);
  if (conversation.asked === 'career') {
    conversation.guide = careerNamed(text, context);
  } else {
    const vocabulary = profileVocabulary(planIndex(context, conversation));
    conversation.profile = mergeProfile(conversation.profile, parseProfileText(text, vocabulary, conversation.asked));
  }
  return nextStep(context, conversation);
}

/** A new conversation: the career is taken from the one-line start when it names one guide. */
function startConversation(context: CommandContext, about: string | undefined): PlanConversation {
  const conversation: PlanConversation = { profile: emptyProfile(), questionsAsked: 0 };
  if (context.advisor.index.documents.length > 1 && about) {
    const guide = careerNamed(about, context);
    if (guide) conversation.guide = guide;
  }
  if (about) conversation.about = about;
  return conversation;
}

/**
 * `plan` starts a guided conversation of at most three questions (education; experience and
 * current role; goals); with several guides it first asks which career. `plan <about me>` reads
 * what it can from the one line and only asks what is missing. Either way it then shows what it
 * understood and builds the roadmap on "yes"; a correction ("goal: remote work") updates the
 * profile and shows it again. State is kept per conversation and user.
 */
export const planCommand = defineCommand({
  name: 'plan',
  aliases: ['roadmap'],
  summary: 'A personal career roadmap (asks up to three questions)',
  usage: 'plan  |  plan <about you, e.g. "retail cashier, 2 years, want remote work">  |  plan cancel',
  examples: ['plan', 'plan I finished high school and have 2 years in customer service, I want a stable job', 'plan I hold an entry-level credential and 3 years of experience, I want to specialise'],
  input: planInput,
  // While this person's plan waits for an answer, their next message answers it.
  followUps: [
    { order: 20, handle: async (text, context) => ((await hasPendingPlan(context)) ? answerPlanQuestion(context, text) : undefined), waiting: pendingPlanQuestion, isOwnAnswer: isCheckReply },
  ],
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
    const conversation = startConversation(context, input.about);
    const result = await nextStep(context, conversation);
    return { ...result, usage: [planUse('started', context, conversation), ...(result.usage ?? [])] };
  },
});
