/**
 * What the load and fault runs ask: short conversations (a thread), each a first question and
 * sometimes follow-ups in the same thread. In-scope questions (with a fact the answer must
 * contain, from the dev eval set), near misses and off-topic questions (the bot should decline
 * without sources), small talk, `help`, and a question with patient details (redacted, with a
 * reminder).
 */
export interface Turn {
  text: string;
  /** Answered from the guide: the reply contains this (case-insensitive). */
  fact?: string;
  /** Not in the guide: the reply lists no sources. */
  outOfScope?: true;
}

export type Session = readonly Turn[];

export const SESSIONS: readonly Session[] = [
  [{ text: 'How much do entry-level coders make?', fact: '$28,000' }, { text: 'What about managers or directors?', fact: '$60,000' }],
  [{ text: 'Which AHIMA certification is for hospital inpatient coding?', fact: 'CCS' }],
  [{ text: 'What is the CPC certification?', fact: 'AAPC' }, { text: 'How long does a medical coding certification program take?', fact: '4-6 month' }],
  [{ text: 'What does CPMA stand for?', fact: 'Certified Professional Medical Auditor' }],
  [{ text: 'Who won the 2022 World Cup?', outOfScope: true }],
  [{ text: 'Who offers the CBCS credential?', fact: 'National Healthcare Association' }, { text: 'thanks!' }],
  [{ text: 'What is the minimum education needed to become a clinical coder?', fact: 'GED' }],
  [{ text: 'What is the expected job growth for clinical coding?', fact: '8-10%' }, { text: 'Why is demand for coders growing?', fact: 'aging population' }],
  [{ text: 'How much does the CPC exam cost?', outOfScope: true }],
  [{ text: 'Can I work as a coder from home?', fact: 'remote' }, { text: 'Do remote coding jobs pay less?' }],
  [{ text: 'hi' }, { text: 'What technical skills does a coding specialist need?', fact: 'ICD-10-CM' }],
  [{ text: 'What is the weather in Chicago today?', outOfScope: true }],
  [{ text: 'How much experience do you need to become a coding auditor?', fact: '5+ years' }],
  [{ text: "What factors affect a coder's salary?", fact: 'geographic location' }],
  [{ text: 'When do ICD-10 code changes take effect?', fact: 'October 1' }, { text: 'When do CPT updates take effect?', fact: 'January 1' }],
  [{ text: 'Write me a poem about pizza.', outOfScope: true }],
  [{ text: 'Which EHR systems might a coder use?', fact: 'Epic' }],
  [{ text: 'How many continuing education credits do I need to keep my certification?', fact: '36-48' }],
  [{ text: 'patient Maria Lopez DOB 04/12/1971 MRN 88120455: what does CPMA stand for?', fact: 'Certified Professional Medical Auditor' }],
  [{ text: 'What are the most common coding errors?', fact: 'unbundling' }, { text: 'How do I balance coding speed and accuracy?', fact: 'accuracy' }],
  [{ text: 'help' }],
  [{ text: 'What is the COC credential?', fact: 'outpatient' }],
  [{ text: "What's the average salary of a registered nurse?", outOfScope: true }],
  [{ text: 'What degree helps me advance into HIM management?', fact: 'Health Information Management' }],
  [{ text: 'Is clinical coding recession-proof?', fact: 'recession-resistant' }],
  [{ text: 'What is the capital of Australia?', outOfScope: true }],
];

/** Mentions are written the way Slack delivers them: `<@BOT> question`. */
export function mentionText(botUserId: string, turn: Turn): string {
  return `<@${botUserId}> ${turn.text}`;
}

/** Counts of the question mix, for the report. */
export function mixSummary(): { sessions: number; turns: number; inScope: number; outOfScope: number; followUps: number } {
  const turns = SESSIONS.flat();
  return {
    sessions: SESSIONS.length,
    turns: turns.length,
    inScope: turns.filter((t) => t.fact).length,
    outOfScope: turns.filter((t) => t.outOfScope).length,
    followUps: SESSIONS.reduce((n, s) => n + s.length - 1, 0),
  };
}
