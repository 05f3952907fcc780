import type { KnowledgeIndex } from '../../index/index.js';
import { contentTerms } from '../../text/index.js';
import { sectionPath, type GuideLine } from '../guide/guide-lines.js';
import { questionTemplates, type QuestionTemplate } from './quiz-templates.js';
import { createRandom, shuffled, type Random } from './random.js';
import { placeWithoutSpoilers } from './quiz-spoilers.js';

type GuideIndex = Pick<KnowledgeIndex, 'documents' | 'glossary'>;

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

/** One multiple-choice question, with the guide line that proves its answer. */
export interface QuizQuestion {
  /** Stable id: the same fact always gets the same id. */
  id: string;
  /** Which generator made it (organization, acronym, credential, focus, salary, stage, step, figure, list). */
  kind: string;
  question: string;
  options: string[];
  /** Letter of the correct option. */
  answer: OptionLetter;
  answerText: string;
  explanation: string;
  citation: { section: string; quote: string; source: string };
  /** Stemmed words `quiz <topic>` matches against. */
  topics: string[];
}

export interface QuizOptions {
  count?: number;
  seed?: string | number;
  /** Keep questions about this topic ("certifications", "salary", a section word…). */
  topic?: string;
}

/** Topic words people use, mapped to the tags questions carry. */
const TOPIC_SYNONYMS: Record<string, string> = {
  cert: 'certification', certs: 'certification', certificate: 'certification', credential: 'certification', credentials: 'certification', acronym: 'certification', acronyms: 'certification',
  pay: 'salary', money: 'salary', wage: 'salary', wages: 'salary', income: 'salary', earnings: 'salary', compensation: 'salary',
  job: 'career', jobs: 'career', progression: 'career', path: 'career', roadmap: 'career', advancement: 'career',
  growth: 'outlook', market: 'outlook', demand: 'outlook',
  codes: 'code', dates: 'code',
  setting: 'settings', workplace: 'settings', workplaces: 'settings',
};

/** The topics offered when a topic matches nothing. */
export const QUIZ_TOPICS = ['certifications', 'salary', 'career', 'skills', 'settings', 'education', 'outlook', 'codes', 'tools', 'tips'];

const lower = (s: string) => s.toLowerCase().replace(/’/g, "'");
/** True when the cited line contains the text (so it cannot be a wrong answer). */
const inLine = (line: GuideLine, text: string) => lower(line.text).includes(lower(text));

function topicTerms(template: QuestionTemplate): Set<string> {
  return new Set([...template.tags.flatMap((t) => contentTerms(t)), ...contentTerms(template.line.section.headingPath.join(' '))]);
}

/** True when a question is about the topic (a tag such as "salary", or a word of its section's headings). */
function matchesTopic(template: QuestionTemplate, topic: string): boolean {
  const words = topic
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter(Boolean)
    .map((w) => TOPIC_SYNONYMS[w] ?? w);
  const wanted = contentTerms(words.join(' '));
  if (wanted.length === 0) return true;
  const terms = topicTerms(template);
  return wanted.some((t) => terms.has(t));
}

/** Draws up to three distractors the cited line does not contain, then shuffles the options. */
function materialize(template: QuestionTemplate, random: Random): QuizQuestion | undefined {
  const seen = new Set([lower(template.correct)]);
  const pool = shuffled(template.candidates, random).filter((c) => {
    const key = lower(c);
    if (!c.trim() || seen.has(key) || inLine(template.line, c)) return false;
    seen.add(key);
    return true;
  });
  const distractors = pool.slice(0, 3);
  if (distractors.length < 2 || !inLine(template.line, template.correct)) return undefined;
  const options = shuffled([template.correct, ...distractors], random);
  const answerIndex = options.indexOf(template.correct);
  return {
    id: templateId(template),
    kind: template.kind,
    question: template.question,
    options,
    answer: OPTION_LETTERS[answerIndex]!,
    answerText: template.correct,
    explanation: template.explanation,
    citation: { section: sectionPath(template.line.section), quote: template.line.text, source: template.line.section.source },
    topics: [...topicTerms(template)],
  };
}

function templateId(template: QuestionTemplate): string {
  let h = 2166136261;
  for (const ch of `${template.kind}|${template.question}|${template.correct}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return `q${(h >>> 0).toString(36)}`;
}

/** Every valid question the guide supports (deterministic options for a seed), for tests and exports. */
export function allQuizQuestions(index: GuideIndex, seed: string | number = 'all'): QuizQuestion[] {
  const random = createRandom(seed);
  return questionTemplates(index)
    .map((t) => materialize(t, random))
    .filter((q): q is QuizQuestion => !!q);
}

/**
 * Picks `count` questions (default 5), optionally on a topic, mixing kinds so a short quiz is not
 * all list questions, and placing each question where no earlier question's explanation or cited
 * line reveals its answer (and skipping it when there is no such place). The same seed gives the same questions and option order; no seed, a new mix.
 */
export function generateQuizQuestions(index: GuideIndex, options: QuizOptions = {}): QuizQuestion[] {
  const random = createRandom(options.seed);
  const count = Math.max(1, Math.floor(options.count ?? 5));
  const templates = questionTemplates(index).filter((t) => !options.topic || matchesTopic(t, options.topic));
  const byKind = new Map<string, QuestionTemplate[]>();
  for (const t of shuffled(templates, random)) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t]);
  const kinds = shuffled([...byKind.keys()], random);
  const picked: QuizQuestion[] = [];
  while (picked.length < count && kinds.some((k) => byKind.get(k)!.length > 0)) {
    for (const kind of kinds) {
      const next = byKind.get(kind)!.shift();
      if (!next) continue;
      const question = materialize(next, random);
      // Closing a question shows its explanation and cited line to everyone: none may answer a later question.
      const at = question && placeWithoutSpoilers(question, picked);
      if (question && at !== undefined) picked.splice(at, 0, question);
      if (picked.length >= count) break;
    }
  }
  return picked;
}
