import { z } from 'zod';

/**
 * A linear model over named, standardised features: a logistic regression's coefficients.
 * Both fitted models (section ranking and answerability) use this shape; the fit scripts in
 * scripts/quality/ write it, and `fitted` records how.
 */
export const linearModelSchema = z.object({
  features: z.array(z.string()).min(1),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Per-feature mean and standard deviation; inputs are standardised before the weights apply. */
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  fitted: z.record(z.string(), z.unknown()),
});
export type LinearModel = z.infer<typeof linearModelSchema>;

/** The model's log-odds for a feature record (missing features count as their mean). */
export function linearScore(model: LinearModel, features: Readonly<Record<string, number>>): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    const value = features[name] ?? model.mean[i]!;
    z += model.weights[i]! * ((value - model.mean[i]!) / (model.scale[i] || 1));
  });
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
