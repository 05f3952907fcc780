// Local coded errors; meant to move into a shared src/errors.ts later.

/** A PHI test corpus line is malformed (bad JSON, unknown kind, value not in text). */
export class PhiCorpusError extends Error {
  readonly code = 'PHI_CORPUS_INVALID';
  override name = 'PhiCorpusError';
}
