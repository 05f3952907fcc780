import { cosine } from '../../embeddings/index.js';
import { plainApostrophes } from '../../text/index.js';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { INTENT_EXEMPLARS, type IntentName } from './intent-exemplars.js';

interface Exemplar {
  intent: IntentName;
  vector: number[];
}

/** Exemplar vectors per embedder, embedded once (one batch) on first use. */
const exemplarCache = new WeakMap<EmbeddingsInterface, Promise<Exemplar[]>>();

function exemplarsFor(embedder: EmbeddingsInterface): Promise<Exemplar[]> {
  let cached = exemplarCache.get(embedder);
  if (!cached) {
    const entries = Object.entries(INTENT_EXEMPLARS).flatMap(([intent, texts]) => texts.map((text) => ({ intent: intent as IntentName, text })));
    cached = embedder.embedDocuments(entries.map((e) => e.text)).then((vectors) => entries.map((e, i) => ({ intent: e.intent, vector: vectors[i]! })));
    // A failed embedding must not poison the cache for later messages.
    cached.catch(() => exemplarCache.delete(embedder));
    exemplarCache.set(embedder, cached);
  }
  return cached;
}

export interface IntentMatch {
  intent: IntentName;
  /** Cosine similarity to the closest exemplar of that intent. */
  similarity: number;
  /** How much closer than the best exemplar of any other intent. */
  margin: number;
}

/**
 * The intent whose exemplar is semantically closest to the (masked) message, by the embedder
 * answers use. The exemplars are embedded once per `embedder`; the message by `messageEmbedder`,
 * the request's memo of the same model, so answering the message reuses its vector.
 */
export async function nearestIntent(text: string, embedder: EmbeddingsInterface, messageEmbedder: EmbeddingsInterface = embedder): Promise<IntentMatch> {
  // Typographic apostrophes ("what’s") read like the exemplars' plain ones for every embedder.
  const [exemplars, vector] = await Promise.all([exemplarsFor(embedder), messageEmbedder.embedQuery(plainApostrophes(text))]);
  const best = new Map<IntentName, number>();
  for (const e of exemplars) best.set(e.intent, Math.max(best.get(e.intent) ?? -1, cosine(vector, e.vector)));
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
  const [intent, similarity] = ranked[0]!;
  return { intent, similarity, margin: similarity - (ranked[1]?.[1] ?? -1) };
}
