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
/** A bed or room opening a census row: "312-A", "ICU-07", "4W". */
const BED = '(?=[A-Z0-9-]*\\d)[A-Z0-9]{1,4}(?:-[A-Z0-9]{1,4})?(?=[ \\t])';
// A row's opening: at a line start, after a colon or after a separator that runs rows together on one line
// ("- Strong, Phoenix 2 queries - Ahmadi, Farzaneh 1 query", "ICU-07 Petrakis, Eleni / ICU-08 …"),
// an optional bullet, number or bed ("312-A", "ICU-07"), then "LAST, FIRST" and a separator (a
// comma, a bracket, a bar, a tab or a double space, a digit or a lower-case word after a space, or
// the next row).
const ROW_SEPARATOR = '(?:[ \\t][-–—/;]|:)[ \\t]';
/** What may open a row: spaces and a bullet, a number or a bed (`bed`: the bed's pattern, captured or not). */
const rowLead = (bed: string) => `[ \\t]*(?:[-*•]|\\d{1,2}[.)]|${bed})?[ \\t]*`;
const ROW_LEAD = rowLead(BED);
// The bed is captured where a row opens: where the person lies is an identifier too ("314", "ICU-07").
const ROW_PREFIX = `(?:^|(?<=${ROW_SEPARATOR}))${rowLead(`(?<bed>${BED})`)}`;
const ROW_OPENING = new RegExp(
  `${ROW_PREFIX}(?<v>${PART},[ \\t]*${PART})(?=[ \\t]*[,(|\\t]|[ \\t]{2,}|[ \\t]+\\d|[ \\t]+\\p{Ll}|[ \\t]+[-–—/;][ \\t]|[ \\t]*$)`,
  'dgmu',
);

/** What may stand before a row's opening on its line: spaces and a bullet, number or bed. */
const ROW_START = new RegExp(`(?:^|\\n|${ROW_SEPARATOR})${ROW_LEAD}$`, 'u');

/**
 * Names opening the rows of a list whose other rows open with a found name (see the module comment),
 * and the beds before them (`other_id`):
 * `names` found in this pass, `earlierNames` in an earlier one (masked in `text` by now).
 */
export function detectNamesInRows(text: string, names: readonly PhiFinding[], earlierNames: readonly PhiFinding[], vocabulary: Vocabulary): PhiFinding[] {
  const openings = [...text.matchAll(ROW_OPENING)].map((m) => ({ start: m.indices!.groups!.v![0], end: m.indices!.groups!.v![1], bed: m.indices!.groups!.bed }));
  const named = openings.filter((o) => names.some((n) => n.start < o.end && o.start < n.end)).length;
  const namedBefore = earlierNames.filter((n) => ROW_START.test(text.slice(Math.max(0, n.start - 12), n.start))).length;
  if (named + namedBefore === 0 || openings.length + namedBefore < 2) return [];
  return openings
    .filter((o) => {
      const words = text.slice(o.start, o.end).split(/[,\s]+/u);
      return words.every((w) => !isLabelWord(w)) && !words.every((w) => vocabulary.isKnown(w));
    })
    .flatMap((o): PhiFinding[] => [{ kind: 'name', start: o.start, end: o.end }, ...(o.bed ? [{ kind: 'other_id' as const, start: o.bed[0], end: o.bed[1] }] : [])]);
}
