/**
 * Directions any career can take, read from everyday words ("work from home", "lead a team").
 * Everything more specific (a work setting, a specialisation, an advancement path) is one of the
 * guide's own focus areas (`focusAreas`), so nothing here belongs to one career.
 */
export type PlanGoal = 'remote' | 'management' | 'teaching' | 'consulting';

/** The everyday words for each general direction (general English, the same for every guide). */
export const GENERAL_GOALS: ReadonlyArray<readonly [PlanGoal, RegExp]> = [
  ['remote', /\bremote(?:ly)?\b|\bfrom home\b|\bwork-from-home\b|\bwfh\b|\bhome[- ]based\b/i],
  ['management', /\bmanag(?:e|er|ers|ement|ing)\b|\bdirector\b|\blead(?:er|ership)?\b|\bsupervis(?:e|or|ing|ory)\b/i],
  ['teaching', /\bteach(?:ing|er)?\b|\btrainer\b|\beducator\b/i],
  ['consulting', /\bconsult(?:ing|ant|ation)?\b/i],
];

/** True when a text (an area's label) is one of the general directions ("Remote Positions", "Management"). */
export function isGeneralGoal(text: string): boolean {
  return GENERAL_GOALS.some(([, pattern]) => pattern.test(text));
}
