import { isLabelWord } from './label-words.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// A pasted worklist or census prints one person per row, each row opening with the same
// "LAST, FIRST" layout ("Faleolo, Iosefa  CSN …", "- Kahananui, Keoni, 76 yo"). When the opening
// of one row is a name a detector found, the same opening on the
// other rows is a name too: the layout is the evidence, whatever the words are ("Brown, Crystal",
// "MANY GOATS, TERRENCE"). An opening made only of the loaded guides' words, or holding a detector's
// label, is no name.

const WORD = "(?:\\p{Lu}[\\p{L}'’]*(?:-\\p{L}[\\p{L}'’]*)?)";
const PART = `${WORD}(?:[ \\t]+${WORD}){0,2}`;
// A row's opening: an optional bullet or number, then "LAST, FIRST" and a separator (a comma, a
// bracket, a bar, a tab or a double space, or a digit after a space).
const ROW_OPENING = new RegExp(
  `^[ \\t]*(?:[-*•]|\\d{1,2}[.)])?[ \\t]*(?<v>${PART},[ \\t]*${PART})(?=[ \\t]*[,(|\\t]|[ \\t]{2,}|[ \\t]+\\d|[ \\t]*$)`,
  'dgmu',
);

/** What may stand before a row's opening on its line: spaces and a bullet or number. */
const ROW_START = /(?:^|\n)[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*$/;

/**
 * Names opening the rows of a list whose other rows open with a found name (see the module comment):
 * `names` found in this pass, `earlierNames` in an earlier one (masked in `text` by now).
 */
export function detectNamesInRows(text: string, names: readonly PhiFinding[], earlierNames: readonly PhiFinding[], vocabulary: Vocabulary): PhiFinding[] {
  const openings = [...text.matchAll(ROW_OPENING)].map((m) => ({ start: m.indices!.groups!.v![0], end: m.indices!.groups!.v![1] }));
  const named = openings.filter((o) => names.some((n) => n.start < o.end && o.start < n.end)).length;
  const namedBefore = earlierNames.filter((n) => ROW_START.test(text.slice(Math.max(0, n.start - 12), n.start))).length;
  if (named + namedBefore === 0 || openings.length + namedBefore < 2) return [];
  return openings
    .filter((o) => {
      const words = text.slice(o.start, o.end).split(/[,\s]+/u);
      return words.every((w) => !isLabelWord(w)) && !words.every((w) => vocabulary.isKnown(w));
    })
    .map((o) => ({ kind: 'name' as const, start: o.start, end: o.end }));
}
