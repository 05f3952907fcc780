const GREETING = /^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings)(?:\s+(?:there|bot|all|everyone|folks))?[\s!.,?]*$/i;
const THANKS = /^(?:thanks|thank you|thx|ty|cheers|great|awesome|perfect|cool|ok(?:ay)?|got it)(?:\s+(?:so much|a lot|very much|again))?[\s!.,]*$/i;
const BYE = /^(?:bye|goodbye|see you|cya|later)[\s!.,]*$/i;

const CAPABILITIES = 'I answer questions about becoming a clinical coding specialist from the career guide, with sources: salaries, certifications (CPC, CCS, CCS-P…), education, skills and career paths.';

/** A short friendly reply to greetings, thanks and goodbyes; undefined for anything else. */
export function smallTalkReply(text: string): string | undefined {
  const t = text.trim();
  if (GREETING.test(t)) return `Hi! ${CAPABILITIES} Try “How much do entry-level coders make?”`;
  if (THANKS.test(t)) return `You're welcome! ${CAPABILITIES}`;
  if (BYE.test(t)) return 'Goodbye, and good luck with your coding career!';
  return undefined;
}
