import { RequestEmbeddings } from '../embeddings/index.js';
import { CareerAdvisorError } from '../errors.js';
import { questionLengthProblem } from '../text/index.js';
import { COMMANDS, INTENTS } from './all-commands.js';
import { asksSomething } from './intents/asks-something.js';
import { unifySources } from './sources/unify-sources.js';
import { askCommand } from './ask-command.js';
import { guidesForPlace, guidesNamed, indexForGuides, takeGuideOption } from './guide/guide-scope.js';
import { helpCommand } from './help-command.js';
import { parseCommandLine, runCommand, type AnyCommand, type CommandAdvisor, type CommandContext, type CommandSettings, type CommandState, type FeatureSettings, type FeatureState, type FollowUp } from './registry.js';
import { MemoryState } from '../state/memory-state.js';
import type { CommandHandler, CommandRequest, CommandResult } from './types.js';

export { COMMANDS };
export type CommandHandlerOptions = CommandSettings;

/** Per-feature state, each made the first time its feature asks for it. */
function commandState(commands: readonly AnyCommand[], settings: FeatureSettings): CommandState {
  const features = new Map<FeatureState<unknown>, unknown>();
  return {
    commands,
    of<T>(feature: FeatureState<T>): T {
      if (!features.has(feature)) features.set(feature, feature.create(settings));
      return features.get(feature) as T;
    },
  };
}

/** "help me find a job" is a question, not a request for the command list. */
function isHelpQuestion(line: { command: AnyCommand; args: string }, commands: readonly AnyCommand[]): boolean {
  if (line.command !== helpCommand || line.args === '') return false;
  const word = line.args.replace(/^\//, '').toLowerCase();
  return !commands.some((c) => c.name === word || c.aliases.includes(line.args.toLowerCase()));
}

function emptyOrTooLong(text: string, maxChars: number): CommandResult | undefined {
  if (!text) return { kind: 'error', code: 'INPUT_INVALID', message: 'The message is empty. Ask a question, or type “help” to see what I can do.' };
  const tooLong = questionLengthProblem(text, maxChars);
  return tooLong ? { kind: 'error', code: 'INPUT_INVALID', message: tooLong } : undefined;
}

/** "No guide called X here", listing the guides this place may use. */
function unknownGuide(name: string, advisor: CommandAdvisor, placeGuides: readonly string[] | undefined): CommandResult {
  const here = advisor.index.documents.filter((d) => !placeGuides || placeGuides.includes(d.source)).map((d) => `${d.source.replace(/\.[^./]+$/, '')} (${d.title})`);
  return { kind: 'error', code: 'NOT_FOUND', message: `No guide called “${name}” is available here. Use one of: ${here.join('; ')}.` };
}

// One view per guide selection, so the index view (and its warm caches) is reused too.
const scopedViews = new WeakMap<CommandAdvisor, Map<string, CommandAdvisor>>();

/**
 * The advisor as a command sees it when only some guides may be used (a place's guides, or
 * "--guide NAME"): its index shows only those guides' documents and glossary, so cards, quizzes,
 * plans and topics come from them. Questions are filtered through `ask`'s `guides` option.
 */
function scopedAdvisor(advisor: CommandAdvisor, guides: readonly string[]): CommandAdvisor {
  const index = indexForGuides(advisor.index, guides);
  if (index === advisor.index) return advisor;
  const views = scopedViews.get(advisor) ?? new Map<string, CommandAdvisor>();
  scopedViews.set(advisor, views);
  const key = [...guides].sort().join('\u0000');
  let view = views.get(key);
  if (!view) {
    // Inherits ask/retriever/config from the advisor; only the index (and the subjects named) differ.
    // `ask` stays the real advisor's (the guides reach it as an option), so answers still name their guide.
    view = Object.create(advisor, { ask: { value: advisor.ask.bind(advisor) }, index: { value: index }, subjects: { value: advisor.subjects.filter((subject) => index.documents.some((d) => d.title.startsWith(subject))) } }) as CommandAdvisor;
    views.set(key, view);
  }
  return view;
}

/**
 * The command layer every front end calls. A line starting with a command word (optionally
 * "/"-prefixed) runs that command; otherwise each command's follow-ups may claim the message
 * (a bare letter while a quiz runs, the answer to a pending plan question); anything else is a
 * question for the advisor. Coded errors come back as `{kind: 'error'}` results.
 */
export function createCommandHandler(advisor: CommandAdvisor, options: CommandHandlerOptions = {}, commands: readonly AnyCommand[] = COMMANDS, intents: readonly FollowUp[] = INTENTS): CommandHandler {
  // Plans and quizzes of every feature share one state: Redis when workers share it, else this process's memory.
  const state = commandState(commands, { ...options, state: options.state ?? new MemoryState({ maxEntries: 7000, now: options.now }) });
  const followUps: FollowUp[] = [...commands.flatMap((c) => c.followUps ?? []), ...intents].sort((a, b) => a.order - b.order);
  const sessions = sessionFollowUps(commands);
  const maxChars = options.maxTextChars ?? advisor.config.MAX_QUESTION_CHARS;

  async function route(request: CommandRequest): Promise<CommandResult> {
    const text = request.text.trim();
    const placeGuides = guidesForPlace(advisor.config.GUIDES_BY_PLACE, request.platform, request.place, advisor.index.documents.map((d) => d.source));
    const invalid = emptyOrTooLong(text, maxChars);
    if (invalid) return invalid;

    const line = parseCommandLine(text, commands);
    const chosen = line ? takeGuideOption(line.args) : { rest: '' };
    const guides = chosen.guide === undefined ? placeGuides : guidesNamed(chosen.guide, advisor.index.documents).filter((g) => !placeGuides || placeGuides.includes(g));
    if (chosen.guide !== undefined && guides!.length === 0) return unknownGuide(chosen.guide, advisor, placeGuides);
    // Reading the message's intent and answering it share one embedding of the message.
    const embeddings = new RequestEmbeddings(advisor.retriever.embedder);
    const context: CommandContext = { advisor: guides ? scopedAdvisor(advisor, guides) : advisor, request, state, embeddings, ...(guides ? { guides } : {}) };
    const waiting = await waitingSession(sessions, context);
    if (line && !isHelpQuestion(line, commands)) {
      const result = (await rereadCommandLine(intents, line.command, text, context)) ?? (await runCommand(line.command, chosen.rest, context));
      return waiting && waiting.owner !== line.command ? { ...result, resume: waiting.question } : result;
    }
    if (waiting && !(await waiting.followUp.isOwnAnswer?.(text, context))) {
      const interruption = await interruptingReply(text, context, intents);
      if (interruption) return { ...interruption, resume: waiting.question };
    }
    return (await firstClaim(followUps, text, context)) ?? runCommand(askCommand, text, context);
  }

  return {
    async handle(request) {
      try {
        return unifySources(await route(request));
      } catch (error) {
        if (error instanceof CareerAdvisorError) return { kind: 'error', code: error.code, message: error.message };
        throw error;
      }
    },
  };
}

/** The follow-ups of sessions that wait for an answer (a plan's question), with the command owning each. */
function sessionFollowUps(commands: readonly AnyCommand[]): Array<{ owner: AnyCommand; followUp: FollowUp }> {
  return commands.flatMap((owner) => (owner.followUps ?? []).filter((f) => f.waiting).map((followUp) => ({ owner, followUp })));
}

/** The session waiting for this person's answer here, and the question it waits for. */
async function waitingSession(sessions: ReturnType<typeof sessionFollowUps>, context: CommandContext): Promise<{ owner: AnyCommand; followUp: FollowUp; question: string } | undefined> {
  for (const { owner, followUp } of sessions) {
    const question = await followUp.waiting!(context);
    if (question) return { owner, followUp, question };
  }
  return undefined;
}

/** The first follow-up that claims the message, if any. */
async function firstClaim(followUps: readonly FollowUp[], text: string, context: CommandContext): Promise<CommandResult | undefined> {
  for (const followUp of followUps) {
    const result = await followUp.handle(text, context);
    if (result) return result;
  }
  return undefined;
}

/**
 * While a session waits, a message that is clearly not its answer is answered as what it is: one
 * that asks something (a card, a comparison or a question for the guide), or a request for a
 * quiz or a comparison in any form. Short statements ("two years", "CPC", "yes") stay answers.
 */
async function interruptingReply(text: string, context: CommandContext, intents: readonly FollowUp[]): Promise<CommandResult | undefined> {
  const routed = await firstClaim(intents, text, context);
  if (asksSomething(text)) return routed ?? runCommand(askCommand, text, context);
  return routed && (routed.kind === 'quiz-question' || routed.kind === 'cert-compare') ? routed : undefined;
}

/** An intent's better reading of a command line ("quiz me on pay"), if one has it. */
async function rereadCommandLine(intents: readonly FollowUp[], command: AnyCommand, text: string, context: CommandContext): Promise<CommandResult | undefined> {
  for (const intent of intents) {
    const result = await intent.reread?.(command, text, context);
    if (result) return result;
  }
  return undefined;
}
