/**
 * "what’s" → "what's". Phone keyboards type typographic apostrophes; the embedder and the
 * keyword index should read them as the plain ones the guides and the intent exemplars use. The
 * intent reader and the question's dense views both embed text through this, so one message is
 * the same text for both (and embedded once per request).
 */
export function plainApostrophes(text: string): string {
  return text.replace(/[‘’]/g, "'");
}
