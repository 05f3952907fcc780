/**
 * What each plain-language intent sounds like, written once and never grown from eval questions.
 * Credentials the guide defines are masked as X and Y before comparison, so these shapes serve any
 * guide; a quiz topic stays as it is ("quiz me on T" covers "quiz me on salaries").
 * `question` holds ordinary guide questions, so an intent must be closer to its own shapes than to them.
 */
export const INTENT_EXEMPLARS = {
  compare: [
    'what is the difference between X and Y',
    'X or Y',
    'which is better, X or Y',
    'how does X compare to Y',
    'should I get X or Y',
    'X versus Y',
    'compare X with Y',
    'how are X and Y different',
  ],
  define: ['what is X', 'X', 'tell me about X', 'what does X mean', 'explain X', 'what is the X certification', 'info on X', "what's X"],
  quiz: ['quiz me on T', 'give me a quiz about T', 'test my knowledge of T', 'can you quiz me', 'ask me some practice questions on T', "let's do a quiz"],
  chat: [
    'hi',
    'hello there',
    'hey, how are you?',
    "what's up",
    'good morning',
    'how is it going',
    'who are you',
    'what can you do',
    'thanks a lot',
    'nice to meet you',
  ],
  question: [
    'how much does X cost',
    'how long does it take to get X',
    'what jobs can I get with X',
    'how much do they earn',
    'what skills do I need',
    'how do I get started in this career',
    'do I need X before Y',
    'where do I take the X exam',
    'is the X exam hard',
    'I want to get X',
    'I have a high school diploma',
    'can I work from home',
  ],
} as const;

export type IntentName = keyof typeof INTENT_EXEMPLARS;
