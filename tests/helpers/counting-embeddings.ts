import { HashingEmbeddings } from '../../src/embeddings/index.js';

/** The hashing embedder, recording every text it is asked to embed (one entry per model call). */
export class CountingEmbeddings extends HashingEmbeddings {
  readonly calls: string[][] = [];

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    this.calls.push([...documents]);
    return super.embedDocuments(documents);
  }

  override async embedQuery(document: string): Promise<number[]> {
    this.calls.push([document]);
    return super.embedQuery(document);
  }

  /** Every text embedded since the last reset, in order. */
  texts(): string[] {
    return this.calls.flat();
  }

  reset(): void {
    this.calls.length = 0;
  }
}
