import type { IdentifiedEmbeddings } from './types.js';

/** More texts than one request embeds (the message, then up to a few views of the question). */
const MAX_REMEMBERED = 16;

/**
 * One request's embedder: the advisor's embedder, remembering the vector of each exact text it
 * embedded during the request. The command layer embeds a message to read its intent; when the
 * message is then answered, the core asks for the same text and gets the same vector without a
 * second model call. Made per request and dropped with it, so no text or vector outlives the
 * request, and `bench`'s repeated questions are still embedded each time. It relies on the
 * wrapped embedder embedding a query and a document alike (USE-lite, OpenAI-compatible, hashing).
 */
export class RequestEmbeddings implements IdentifiedEmbeddings {
  private readonly vectors = new Map<string, Promise<number[]>>();

  constructor(readonly inner: IdentifiedEmbeddings) {}

  get id(): string {
    return this.inner.id;
  }

  dimension(): Promise<number> {
    return this.inner.dimension();
  }

  embedQuery(text: string): Promise<number[]> {
    return this.vectors.get(text) ?? this.remember([text], this.inner.embedQuery(text).then((vector) => [vector]))[0]!;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const missing = [...new Set(texts.filter((t) => !this.vectors.has(t)))];
    const embedded = missing.length > 0 ? this.remember(missing, this.inner.embedDocuments(missing)) : [];
    return Promise.all(texts.map((t) => this.vectors.get(t) ?? embedded[missing.indexOf(t)]!));
  }

  /** One promise per text of a batch; remembered while there is room, forgotten if the batch fails. */
  private remember(texts: string[], batch: Promise<number[][]>): Array<Promise<number[]>> {
    const vectors = texts.map((_, i) => batch.then((all) => all[i]!));
    texts.forEach((text, i) => {
      if (this.vectors.size < MAX_REMEMBERED) this.vectors.set(text, vectors[i]!);
    });
    batch.catch(() => texts.forEach((text) => this.vectors.delete(text)));
    return vectors;
  }
}
