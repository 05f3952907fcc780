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

/**
 * Short labels that stay distinct: a heading path keeps its own (last) heading, with as many
 * parent headings as it takes to tell two apart; labels still equal after cutting get "(2)", "(3)".
 */
export function distinctLabels(paths: readonly string[], max: number): string[] {
  const parts = paths.map((p) => p.split(' › '));
  const depth = parts.map(() => 1);
  const label = (i: number) => truncate(parts[i]!.slice(-depth[i]!).join(' › '), max);
  for (let round = 0; round < 4; round++) {
    const labels = parts.map((_, i) => label(i));
    const clashing = labels.map((l, i) => labels.indexOf(l) !== i || labels.lastIndexOf(l) !== i);
    if (!clashing.some(Boolean)) break;
    clashing.forEach((clash, i) => (depth[i] = clash ? Math.min(parts[i]!.length, depth[i]! + 1) : depth[i]!));
  }
  const seen = new Map<string, number>();
  return parts.map((_, i) => {
    const base = label(i);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${truncate(base, max - 4)} (${n})`;
  });
}
