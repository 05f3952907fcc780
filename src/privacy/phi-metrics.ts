import { z } from 'zod';
import { detectPhi } from './detect-phi.js';
import { PhiCorpusError } from '../errors.js';
import { PHI_KINDS, type PhiFinding, type PhiKind } from './phi-types.js';

const caseSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  phi: z.array(z.object({ kind: z.enum(PHI_KINDS), value: z.string().min(1) })),
  note: z.string().optional(),
});

/** One labelled example: every occurrence of each `value` in `text` is PHI of `kind`. */
export type PhiCorpusCase = z.infer<typeof caseSchema>;

/** Counts and rates for one kind (or all kinds together). */
export interface PhiScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Share of findings that overlap a labelled span of the same kind; 1 when nothing was found. */
  precision: number;
  /** Share of labelled spans found by a finding of the same kind; 1 when nothing was labelled. */
  recall: number;
}

/** A single disagreement between detector and labels, for debugging the corpus. */
export interface PhiMistake {
  caseId: string;
  type: 'false-positive' | 'false-negative';
  kind: PhiKind;
  excerpt: string;
}

/** Result of {@link evaluatePhiDetection}. */
export interface PhiEvaluation {
  cases: number;
  overall: PhiScore;
  perKind: Record<PhiKind, PhiScore>;
  /** Cases without PHI that still got at least one finding (false alarms a user would see). */
  flaggedNegatives: number;
  negatives: number;
  /**
   * Share of labelled PHI characters covered by some finding of any kind:
   * how much of the PHI a redaction actually removes (a partly found name
   * counts as a recall hit but may leave a surname behind).
   */
  characterCoverage: number;
  mistakes: PhiMistake[];
}

/** Parses a JSONL corpus, checking each line; throws {@link PhiCorpusError} with the line number. */
export function parsePhiCorpus(jsonl: string): PhiCorpusCase[] {
  const cases: PhiCorpusCase[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = caseSchema.safeParse(parseJsonLine(line, i + 1));
    if (!parsed.success) throw new PhiCorpusError(`line ${i + 1}: ${parsed.error.message}`);
    const missing = parsed.data.phi.find((p) => !parsed.data.text.includes(p.value));
    if (missing) throw new PhiCorpusError(`line ${i + 1}: "${missing.value}" does not occur in text`);
    cases.push(parsed.data);
  });
  return cases;
}

/**
 * Scores a detector against labelled cases. A finding counts when it overlaps
 * a labelled span of the same kind (exact boundaries don't matter for
 * redaction as long as the PHI is covered).
 */
export function evaluatePhiDetection(
  cases: readonly PhiCorpusCase[],
  detect: (text: string) => PhiFinding[] = detectPhi,
): PhiEvaluation {
  const tally = Object.fromEntries(PHI_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<PhiKind, Tally>;
  const mistakes: PhiMistake[] = [];
  let flaggedNegatives = 0;
  let goldChars = 0;
  let coveredChars = 0;
  for (const c of cases) {
    const gold = goldSpans(c);
    const found = detect(c.text);
    if (gold.length === 0 && found.length > 0) flaggedNegatives += 1;
    for (const g of gold) {
      goldChars += g.end - g.start;
      coveredChars += countCovered(g, found);
    }
    for (const f of found) {
      const hit = gold.some((g) => g.kind === f.kind && overlaps(g, f));
      tally[f.kind][hit ? 'tp' : 'fp'] += 1;
      if (!hit) mistakes.push(mistake(c, 'false-positive', f));
    }
    for (const g of gold) {
      if (found.some((f) => f.kind === g.kind && overlaps(g, f))) continue;
      tally[g.kind].fn += 1;
      mistakes.push(mistake(c, 'false-negative', g));
    }
  }
  const perKind = Object.fromEntries(PHI_KINDS.map((k) => [k, score(tally[k])])) as Record<PhiKind, PhiScore>;
  const negatives = cases.filter((c) => c.phi.length === 0).length;
  return {
    cases: cases.length,
    overall: score(sumTallies(Object.values(tally))),
    perKind,
    flaggedNegatives,
    negatives,
    characterCoverage: goldChars === 0 ? 1 : coveredChars / goldChars,
    mistakes,
  };
}

/** Renders an evaluation as a small plain-text table (for logs and the README). */
export function formatPhiEvaluation(e: PhiEvaluation): string {
  const row = (label: string, s: PhiScore) =>
    `${label.padEnd(8)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  ` +
    `(tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;
  return [
    `PHI detection over ${e.cases} cases (${e.negatives} without PHI, ${e.flaggedNegatives} of them flagged)`,
    row('overall', e.overall),
    `coverage ${e.characterCoverage.toFixed(3)} of labelled PHI characters redacted`,
    ...PHI_KINDS.map((k) => row(k, e.perKind[k])),
  ].join('\n');
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function goldSpans(c: PhiCorpusCase): PhiFinding[] {
  const spans: PhiFinding[] = [];
  for (const { kind, value } of c.phi) {
    for (let at = c.text.indexOf(value); at >= 0; at = c.text.indexOf(value, at + value.length)) {
      spans.push({ kind, start: at, end: at + value.length });
    }
  }
  return spans;
}

function overlaps(a: PhiFinding, b: PhiFinding): boolean {
  return a.start < b.end && b.start < a.end;
}

function mistake(c: PhiCorpusCase, type: PhiMistake['type'], span: PhiFinding): PhiMistake {
  return { caseId: c.id, type, kind: span.kind, excerpt: c.text.slice(span.start, span.end) };
}

function sumTallies(tallies: Tally[]): Tally {
  return tallies.reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });
}

function score({ tp, fp, fn }: Tally): PhiScore {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

function parseJsonLine(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    throw new PhiCorpusError(`line ${lineNumber}: invalid JSON (${(err as Error).message})`);
  }
}

// Characters of `gold` that at least one finding covers.
function countCovered(gold: PhiFinding, found: PhiFinding[]): number {
  let covered = 0;
  for (let i = gold.start; i < gold.end; i += 1) {
    if (found.some((f) => f.start <= i && i < f.end)) covered += 1;
  }
  return covered;
}
