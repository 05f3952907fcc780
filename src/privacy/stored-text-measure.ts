import { isYearLike } from './code-shapes.js';
import { goldSpans, type PhiCorpusCase } from './phi-metrics.js';
import { PHI_KINDS, type PhiKind } from './phi-types.js';
import { Vocabulary } from './vocabulary.js';

// What reaches the store: for each labelled span, whether an identifying piece
// of it (a token with a digit other than a year; any word of a name; any other
// word no English dictionary explains) is still in the stored text; and for the
// messages without patient data, which of their tokens were masked.

export interface StoredTextMeasure {
  spans: number;
  /** Labelled spans with an identifying piece left in the stored text. */
  leakedSpans: number;
  perKind: Record<PhiKind, { spans: number; leaked: number }>;
  leaks: Array<{ caseId: string; kind: PhiKind; piece: string }>;
  negatives: number;
  /** Messages without patient data whose stored text differs from what was sent. */
  alteredNegatives: number;
  /** Tokens masked in messages without patient data (codes, figures, credentials would show here). */
  maskedInNegatives: Array<{ caseId: string; token: string }>;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}@._/-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Runs every case through `store` (the text the store would keep) and measures what survives. */
export function measureStoredText(cases: readonly PhiCorpusCase[], store: (text: string) => string, vocabulary = new Vocabulary()): StoredTextMeasure {
  const perKind = Object.fromEntries(PHI_KINDS.map((k) => [k, { spans: 0, leaked: 0 }])) as StoredTextMeasure['perKind'];
  const leaks: StoredTextMeasure['leaks'] = [];
  const maskedInNegatives: StoredTextMeasure['maskedInNegatives'] = [];
  let alteredNegatives = 0;
  for (const c of cases) {
    const stored = store(c.text);
    const storedTokens = new Set(tokens(stored).map((t) => t.toLowerCase()));
    if (c.spans.length === 0) {
      if (stored !== c.text) alteredNegatives += 1;
      for (const token of tokens(c.text)) if (!storedTokens.has(token.toLowerCase())) maskedInNegatives.push({ caseId: c.id, token });
      continue;
    }
    for (const span of goldSpans(c)) {
      perKind[span.kind].spans += 1;
      const piece = identifyingPieces(c.text.slice(span.start, span.end), span.kind, vocabulary).find((p) => storedTokens.has(p.toLowerCase()));
      if (piece === undefined) continue;
      perKind[span.kind].leaked += 1;
      leaks.push({ caseId: c.id, kind: span.kind, piece });
    }
  }
  const spans = PHI_KINDS.reduce((n, k) => n + perKind[k].spans, 0);
  const leakedSpans = PHI_KINDS.reduce((n, k) => n + perKind[k].leaked, 0);
  return { spans, leakedSpans, perKind, leaks, negatives: cases.filter((c) => c.spans.length === 0).length, alteredNegatives, maskedInNegatives };
}

/**
 * Renders a {@link StoredTextMeasure} as plain text. The words masked in messages without patient
 * data are failures to read, so they are listed only when `details` asks (never on a held-out set).
 */
export function formatStoredTextMeasure(m: StoredTextMeasure, mode: string, details = false): string {
  const kinds = PHI_KINDS.filter((k) => m.perKind[k].spans > 0).map((k) => `${k} ${m.perKind[k].leaked}/${m.perKind[k].spans}`);
  return [
    `Stored text (${mode}): ${m.leakedSpans} of ${m.spans} labelled spans leave an identifying piece in the store`,
    `  by kind (leaked/spans): ${kinds.join(', ')}`,
    `  messages without patient data changed: ${m.alteredNegatives} of ${m.negatives}` +
      (details && m.maskedInNegatives.length ? `; masked there: ${m.maskedInNegatives.map((t) => `${t.caseId}:${t.token}`).join(', ')}` : ''),
  ].join('\n');
}

function tokens(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0]);
}

function identifyingPieces(spanText: string, kind: PhiKind, vocabulary: Vocabulary): string[] {
  return tokens(spanText).filter((t) => {
    if (/\d/.test(t)) return !isYearLike(t);
    if (kind === 'name') return t.length >= 2;
    return t.length >= 3 && !vocabulary.isFamiliar(t);
  });
}
