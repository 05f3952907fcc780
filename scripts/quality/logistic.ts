/**
 * Class-balanced, L2-regularised logistic regression fitted by Newton's method on standardised
 * features: small, exact and dependency-free, for the few thousand rows the fit scripts have.
 */
import type { LinearModel } from '../../src/quality/index.js';
import { linearScore, sigmoid } from '../../src/quality/index.js';

export interface Example {
  /** Feature values in the order of the feature names. */
  x: number[];
  y: 0 | 1;
  /** Rows sharing a group (one question's candidates) stay in the same cross-validation fold. */
  group: string;
}

export function fitLogistic(examples: Example[], features: readonly string[], l2: number, fitted: Record<string, unknown> = {}): LinearModel {
  const d = features.length;
  const mean = Array.from({ length: d }, (_, j) => examples.reduce((a, e) => a + e.x[j]!, 0) / examples.length);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(examples.reduce((a, e) => a + (e.x[j]! - mean[j]!) ** 2, 0) / examples.length) || 1);
  const rows = examples.map((e) => [...e.x.map((v, j) => (v - mean[j]!) / scale[j]!), 1]);
  const positives = examples.filter((e) => e.y === 1).length;
  const classWeight = (y: number) => examples.length / (2 * (y === 1 ? positives : examples.length - positives));
  let beta = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    rows.forEach((x, i) => {
      const w = classWeight(examples[i]!.y);
      const p = sigmoid(x.reduce((a, v, j) => a + v * beta[j]!, 0));
      for (let j = 0; j <= d; j++) {
        gradient[j]! += w * (examples[i]!.y - p) * x[j]!;
        for (let k = 0; k <= d; k++) hessian[j]![k]! += w * p * (1 - p) * x[j]! * x[k]!;
      }
    });
    for (let j = 0; j < d; j++) {
      gradient[j]! -= l2 * beta[j]!;
      hessian[j]![j]! += l2;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const round = (v: number) => Number(v.toFixed(4));
  return { features: [...features], weights: beta.slice(0, d).map(round), bias: round(beta[d]!), mean: mean.map(round), scale: scale.map(round), fitted };
}

/** Gaussian elimination with partial pivoting (the systems here are at most ~15×15). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let k = r + 1; k < n; k++) sum -= m[r]![k]! * x[k]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

export function probability(model: LinearModel, x: number[]): number {
  return sigmoid(linearScore(model, Object.fromEntries(model.features.map((f, j) => [f, x[j]!]))));
}

/** Out-of-fold probabilities: each row scored by a model fitted without its group. */
export function crossValidated(examples: Example[], features: readonly string[], l2: number, folds = 5): number[] {
  const groups = [...new Set(examples.map((e) => e.group))];
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  const out = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const model = fitLogistic(examples.filter((e) => foldOf.get(e.group) !== fold), features, l2);
    examples.forEach((e, i) => {
      if (foldOf.get(e.group) === fold) out[i] = probability(model, e.x);
    });
  }
  return out;
}

/** Area under the ROC curve: the chance a random positive outscores a random negative. */
export function auc(examples: Example[], scores: number[]): number {
  const pos = scores.filter((_, i) => examples[i]!.y === 1);
  const neg = scores.filter((_, i) => examples[i]!.y === 0);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return pos.length && neg.length ? wins / (pos.length * neg.length) : 0;
}
