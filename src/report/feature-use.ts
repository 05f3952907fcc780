import { FEATURE_ACTIONS, type FeatureAction, type FeatureName, type FeatureUseCount } from '../store/index.js';
import type { Report } from './schema.js';

export type FeatureUseLine = NonNullable<Report['featureUse']>[number];

/** What each counted action is called in the report (every action has one). */
const LABELS: { [F in FeatureName]: Record<FeatureAction<F>, string> } = {
  card: { shown: 'Cards shown', compared: 'Cards compared' },
  plan: { started: 'Plans started', finished: 'Plans finished' },
  quiz: { started: 'Quizzes started', answered: 'Quiz answers given', finished: 'Quizzes finished' },
};

/** "Cards shown", "Quiz answers given", ... */
export function featureUseLabel(line: Pick<FeatureUseLine, 'feature' | 'action'>): string {
  const labels: Record<string, string> | undefined = (LABELS as Record<string, Record<string, string>>)[line.feature];
  return labels?.[line.action] ?? `${line.feature} ${line.action}`;
}

/**
 * One line per feature action, in the vocabulary's order and zeros included (an unused feature
 * is news too), each with its platforms busiest first. The store only accepts the vocabulary's
 * actions, so no stored row is left out.
 */
export function summarizeFeatureUse(rows: readonly FeatureUseCount[]): FeatureUseLine[] {
  const pairs = Object.entries(FEATURE_ACTIONS).flatMap(([feature, actions]) => actions.map((action) => ({ feature, action })));
  return pairs.map(({ feature, action }) => {
    const mine = rows.filter((r) => r.feature === feature && r.action === action);
    return {
      feature,
      action,
      count: mine.reduce((n, r) => n + r.count, 0),
      // A user hash belongs to one platform's ids, so people add up across platforms.
      users: mine.reduce((n, r) => n + r.users, 0),
      platforms: mine.map((r) => ({ platform: r.platform, count: r.count })).sort((a, b) => b.count - a.count || a.platform.localeCompare(b.platform)),
    };
  });
}
