import { cosine } from '../embeddings/index.js';
import type { AskedQuestion, QuestionSimilarity } from './cluster-questions.js';

/** What the answer path says about a question, for the report (the advisor supplies it). */
export interface QuestionEvidence {
  /** The answer embedder's vectors for the texts. */
  embed(texts: string[]): Promise<number[][]>;
  /** True when the answer path abstains because the guides do not cover the topic at all. */
  isOffTopic(question: string): Promise<boolean>;
}

/** Unanswered questions as the answer path reads them: which were off-topic, and how alike any two are. */
export interface UnansweredReading {
  offTopic: ReadonlySet<string>;
  similarity: QuestionSimilarity;
  /** Cosine from which two questions ask the same thing. */
  threshold: number;
}

/**
 * Reads the unanswered questions with the same evidence answers use: each is asked again (an
 * off-topic abstention, or an in-topic knowledge gap) and embedded, so the report groups
 * questions by what they ask rather than by the words they share.
 */
export async function readUnanswered(questions: readonly AskedQuestion[], evidence: QuestionEvidence, threshold: number): Promise<UnansweredReading> {
  const texts = questions.map((q) => q.question);
  const vectors = texts.length > 0 ? await evidence.embed(texts) : [];
  const byText = new Map(texts.map((t, i) => [t, vectors[i]!]));
  const offTopic = new Set<string>();
  for (const text of texts) if (await evidence.isOffTopic(text)) offTopic.add(text);
  const similarity: QuestionSimilarity = (a, b) => {
    const [va, vb] = [byText.get(a), byText.get(b)];
    return va && vb ? cosine(va, vb) : 0;
  };
  return { offTopic, similarity, threshold };
}
