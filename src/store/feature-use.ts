/**
 * The features whose use the store counts, and what can happen in each. Only these fixed words
 * are stored (never anything a person typed), so the table cannot leak a question.
 */
export const FEATURE_ACTIONS = {
  /** Credential cards: one card shown, or two compared. */
  card: ['shown', 'compared'],
  /** Career plans: a plan conversation started, a plan built. */
  plan: ['started', 'finished'],
  /** Quizzes: started, an answer that counted, played to the last question. */
  quiz: ['started', 'answered', 'finished'],
} as const;

export type FeatureName = keyof typeof FEATURE_ACTIONS;
export type FeatureAction<F extends FeatureName = FeatureName> = (typeof FEATURE_ACTIONS)[F][number];

/** One use of a feature, as a command reports it: the feature, what happened, and the guide it came from when known. */
export type FeatureUse = { [F in FeatureName]: { feature: F; action: FeatureAction<F>; guide?: string } }[FeatureName];

/** True when `action` is one of `feature`'s actions. */
export function isFeatureAction(feature: string, action: string): boolean {
  const actions: readonly string[] | undefined = (FEATURE_ACTIONS as Record<string, readonly string[]>)[feature];
  return actions?.includes(action) ?? false;
}
