import type { Answer } from './schema.js';

const GREETING = /^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings)(?:\s+(?:there|bot|all|everyone|folks))?[\s!.,?]*$/i;
const THANKS = /^(?:thanks|thank you|thx|ty|cheers|great|awesome|perfect|cool|ok(?:ay)?|got it)(?:\s+(?:so much|a lot|very much|again))?[\s!.,]*$/i;
const BYE = /^(?:bye|goodbye|see you|cya|later)[\s!.,]*$/i;

/** What the bot can help with, in the words of the loaded guides' own titles. */
function capabilities(subjects: readonly string[]): string {
  const about = subjects.length > 0 ? subjects.join('; ') : 'the career guides I have loaded';
  return `I answer questions from the career guides, with sources: ${about}. Ask about pay, credentials, training, skills or career paths, or type “help”.`;
}

/** A short friendly reply to greetings, thanks and goodbyes (naming the loaded guides' subjects); undefined for anything else. */
export function smallTalkReply(text: string, subjects: readonly string[] = []): string | undefined {
  const t = text.trim();
  if (GREETING.test(t)) return `Hi! ${capabilities(subjects)}`;
  if (THANKS.test(t)) return `You're welcome! ${capabilities(subjects)}`;
  if (BYE.test(t)) return 'Goodbye, and good luck with your career!';
  return undefined;
}

/**
 * Chit-chat recognised by meaning rather than form ("yo what's up", "who are you?"): the fitting
 * short reply when the form is a known one, else a greeting with what the bot can do.
 */
export function smallTalkAnswer(text: string, subjects: readonly string[] = []): Answer {
  const reply = smallTalkReply(text, subjects) ?? `Hi! ${capabilities(subjects)}`;
  return { question: text.trim(), answer: reply, abstained: false, citations: [], kind: 'smalltalk', timings: { retrieve_ms: 0, answer_ms: 0, total_ms: 0 } };
}
