import { z } from 'zod';
import { detectPhi } from './detect-phi.js';
import { PhiCorpusError } from '../errors.js';
import { PHI_KINDS, type PhiFinding, type PhiKind } from './phi-types.js';

const caseSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  spans: z.array(z.object({ text: z.string().min(1), kind: z.enum(PHI_KINDS) })),
  note: z.string().optional(),
});

/** One labelled example: every occurrence of each span's `text` in `text` is PHI of `kind`. */
export type PhiCorpusCase = z.infer<typeof caseSchema>;

/** Counts and rates for one kind (or all kinds together). */
export interface PhiScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Share of findings that overlap some labelled span; 1 when nothing was found. */
  precision: number;
  /** Share of labelled spans that some finding overlaps; 1 when nothing was labelled. */
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
  /** Recall by labelled kind, precision by the kind the detector gave. */
  perKind: Record<PhiKind, PhiScore>;
  /** Labelled spans found by a finding of the same kind, as a share of those found at all. */
  kindAgreement: number;
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

/** Parses a JSONL corpus ({id, text, spans: [{text, kind}]}), checking each line; throws {@link PhiCorpusError} with the line number. */
export function parsePhiCorpus(jsonl: string): PhiCorpusCase[] {
  const cases: PhiCorpusCase[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = caseSchema.safeParse(parseJsonLine(line, i + 1));
    if (!parsed.success) throw new PhiCorpusError(`line ${i + 1}: ${parsed.error.message}`);
    const missing = parsed.data.spans.find((p) => !parsed.data.text.includes(p.text));
    if (missing) throw new PhiCorpusError(`line ${i + 1}: "${missing.text}" does not occur in text`);
    cases.push(parsed.data);
  });
  return cases;
}

/**
 * Scores a detector against labelled cases. What matters for privacy is
 * whether a labelled span is redacted at all, so a finding counts when it
 * overlaps a labelled span of any kind (exact boundaries and the kind's name
 * don't change what is removed); how often the kinds agree is reported apart.
 */
export function evaluatePhiDetection(
  cases: readonly PhiCorpusCase[],
  detect: (text: string) => PhiFinding[] = (text) => detectPhi(text),
): PhiEvaluation {
  const recall = Object.fromEntries(PHI_KINDS.map((k) => [k, { tp: 0, fn: 0 }])) as Record<PhiKind, { tp: number; fn: number }>;
  const precision = Object.fromEntries(PHI_KINDS.map((k) => [k, { tp: 0, fp: 0 }])) as Record<PhiKind, { tp: number; fp: number }>;
  const mistakes: PhiMistake[] = [];
  let flaggedNegatives = 0;
  let goldChars = 0;
  let coveredChars = 0;
  let found = 0;
  let sameKind = 0;
  for (const c of cases) {
    const gold = goldSpans(c);
    const findings = detect(c.text);
    if (gold.length === 0 && findings.length > 0) flaggedNegatives += 1;
    for (const g of gold) {
      goldChars += g.end - g.start;
      coveredChars += countCovered(g, findings);
      const hits = findings.filter((f) => overlaps(g, f));
      if (hits.length > 0) {
        found += 1;
        if (hits.some((f) => f.kind === g.kind)) sameKind += 1;
        recall[g.kind].tp += 1;
      } else {
        recall[g.kind].fn += 1;
        mistakes.push(mistake(c, 'false-negative', g));
      }
    }
    for (const f of findings) {
      const hit = gold.some((g) => overlaps(g, f));
      precision[f.kind][hit ? 'tp' : 'fp'] += 1;
      if (!hit) mistakes.push(mistake(c, 'false-positive', f));
    }
  }
  const perKind = Object.fromEntries(PHI_KINDS.map((k) => [k, score(recall[k], precision[k])])) as Record<PhiKind, PhiScore>;
  const total = <T extends object>(tallies: Record<PhiKind, T>, key: keyof T) => sum(PHI_KINDS.map((k) => tallies[k][key] as number));
  return {
    cases: cases.length,
    overall: score({ tp: total(recall, 'tp'), fn: total(recall, 'fn') }, { tp: total(precision, 'tp'), fp: total(precision, 'fp') }),
    perKind,
    kindAgreement: found === 0 ? 1 : sameKind / found,
    flaggedNegatives,
    negatives: cases.filter((c) => c.spans.length === 0).length,
    characterCoverage: goldChars === 0 ? 1 : coveredChars / goldChars,
    mistakes,
  };
}

/** Renders an evaluation as a plain-text table (for logs and docs). */
export function formatPhiEvaluation(e: PhiEvaluation): string {
  const row = (label: string, s: PhiScore, labelled: number) =>
    `${label.padEnd(20)} ${labelled.toString().padStart(5)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  ` +
    `(found ${s.truePositives}, missed ${s.falseNegatives}, false alarms ${s.falsePositives})`;
  return [
    `PHI detection over ${e.cases} cases (${e.negatives} without PHI, ${e.flaggedNegatives} of them flagged)`,
    `${'kind'.padEnd(20)} spans`,
    row('overall', e.overall, e.overall.truePositives + e.overall.falseNegatives),
    ...PHI_KINDS.map((k) => row(k, e.perKind[k], e.perKind[k].truePositives + e.perKind[k].falseNegatives)),
    `coverage ${e.characterCoverage.toFixed(3)} of labelled PHI characters redacted; kinds agree on ${e.kindAgreement.toFixed(3)} of found spans`,
  ].join('\n');
}

/** Every occurrence of each labelled span in the case's text. */
export function goldSpans(c: PhiCorpusCase): PhiFinding[] {
  const spans: PhiFinding[] = [];
  for (const { kind, text } of c.spans) {
    for (let at = c.text.indexOf(text); at >= 0; at = c.text.indexOf(text, at + text.length)) {
      spans.push({ kind, start: at, end: at + text.length });
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

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Recall from the labelled side (`recall`), precision from the detector's side (`precision`). */
function score(recall: { tp: number; fn: number }, precision: { tp: number; fp: number }): PhiScore {
  return {
    truePositives: recall.tp,
    falsePositives: precision.fp,
    falseNegatives: recall.fn,
    precision: precision.tp + precision.fp === 0 ? 1 : precision.tp / (precision.tp + precision.fp),
    recall: recall.tp + recall.fn === 0 ? 1 : recall.tp / (recall.tp + recall.fn),
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
