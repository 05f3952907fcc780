/** A rate as a percentage with one decimal, e.g. "28.6%". */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/**
 * One line of plain text: control characters (terminal escape sequences in a
 * stored question could repaint the manager's terminal) and runs of whitespace
 * become single spaces.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
}

/** `text` cut to `max` characters, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Why a report is empty, in words; null when the store was read fine. */
export function storeNotice(store: 'ok' | 'missing' | 'unavailable'): string | null {
  if (store === 'missing') return 'No question store yet: nothing has been recorded. Numbers appear once the bot has answered questions.';
  if (store === 'unavailable') return 'The question store could not be read, so this report is empty. Check the file at STORE_PATH.';
  return null;
}
