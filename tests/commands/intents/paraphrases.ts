/**
 * Plain-language requests written by hand (not taken from any eval set), for the intent router.
 * `split` decides use: `tune` may inform QUALITY.intents; `test` is only measured.
 * `expect: 'question'` means: no feature, answer it from the guide.
 */
export interface Paraphrase {
  text: string;
  expect: 'compare' | 'define' | 'quiz' | 'chat' | 'question';
  split: 'tune' | 'test';
}

const tune = (expect: Paraphrase['expect'], texts: string[]): Paraphrase[] => texts.map((text) => ({ text, expect, split: 'tune' }));
const test = (expect: Paraphrase['expect'], texts: string[]): Paraphrase[] => texts.map((text) => ({ text, expect, split: 'test' }));

export const CODING_PARAPHRASES: Paraphrase[] = [
  ...tune('compare', ['what\'s the difference between CPC and CCS?', 'CPC or CCS?', 'is CCA better than CPC', 'how does the CPMA stack up against the COC', 'cpc vs ccs', 'which should I go for first, CCS or CCA?']),
  ...test('compare', ['difference between CCS and CCS-P', 'CCA or CPC, which one?', 'how do CPC and COC differ', 'should i take the CIC or the CCS', 'compare CPMA and CPC for me', 'CCS versus CPC']),
  ...tune('define', ['what is CPC', 'CCS?', 'tell me about the CPMA', 'what does CCA stand for', 'explain COC']),
  ...test('define', ['what\'s CIC', 'what is the CCS-P', 'cpc?', 'can you tell me what CPMA is', 'info about the CCA credential']),
  ...tune('quiz', ['quiz me on salaries', 'give me a quiz', 'test me on certifications', 'can we do some practice questions about education']),
  ...test('quiz', ['quiz me about pay', 'I want a quiz on skills', 'test my knowledge of the career path', 'let\'s play a quiz']),
  ...tune('chat', ['yo what\'s up', 'hey there!', 'good evening', 'how are you doing?', 'what can you help me with', 'thank you so much']),
  ...test('chat', ['sup', 'hello bot, how\'s it going?', 'morning!', 'who are you?', 'what are you able to do?', 'thanks, that helps']),
  ...tune('question', ['how much does the CPC exam cost?', 'how long does it take to become a coder?', 'do I need a degree?', 'what do entry level coders earn', 'is the CCS exam hard', 'can I work remotely', 'anything working against it?', 'any downsides to it?']),
  ...test('question', ['how many continuing education credits do I need for CPC', 'what salary can I expect after five years', 'where do coders work', 'what skills matter most', 'what jobs can I get with a CCA', 'how do I prepare for the exam']),
];

export const PHARMACY_PARAPHRASES: Paraphrase[] = [
  ...tune('compare', ['CPhT or CSPT?', 'what is the difference between the CPhT and the CSPT']),
  ...test('compare', ['how does CSPT compare to CPhT', 'CSPT vs CPhT']),
  ...tune('define', ['what is CPhT']),
  ...test('define', ['tell me about CSPT']),
  ...test('question', ['how much does a pharmacy technician make', 'how do I renew my CPhT']),
];
