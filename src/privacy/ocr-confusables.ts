import { isMedicalCodeShape } from './code-shapes.js';

// OCR reads a scanned fax with letters and digits that look alike swapped: "D0B: 1l/2l/1946",
// "(4O4) 555-Ol72", "WlLLlAMS, BRlDGET", "0sei". Detectors read a copy of the text with the swaps
// undone, character for character, so what they find is at the same offsets in the text as
// written. Only where the surroundings say which was meant:
// - in a run of digits and separators that holds at least two digits, or opens with one ("9l"),
//   an O or o is a zero and an l or I a one (a bar is left alone: HL7 and tables are built of bars), unless the run as written is a code ("O80.1", "I10");
// - in a word of capitals, an l is an I, and a 0 or a 1 between capitals an O or an I ("D0B", "BEATR1Z");
// - a 0 opening a word in lower case or an elided name ("0sei", "0'Brlen") is an O; "0SR9019" is a code.

/** A run of digits, look-alike letters and date or number separators. */
const NUMBER_RUN = /(?<![\p{L}\p{N}])[0-9OoIl](?:[0-9OoIl/.:-]*[0-9OoIl])?(?![\p{L}\p{N}])/gu;
/** A word of capitals holding an l, a 0 or a 1 among them: "WlLLlAMS", "BRlDGET", "D0B", "M0RALES", "BEATR1Z". */
const CAPITALS_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}l01]*[l01][\p{Lu}l01]*(?![\p{L}\p{N}])/gu;
/** Fewest letters of a word in capitals in which a 1 between capitals is read as an I ("K1P" is a postcode's part). */
const MIN_WORD_FOR_ONE = 5;
/** A 0 or a 1 between two capitals (or look-alike l's): a letter; "E11" and "G0439" keep their digits. */
const DIGIT_BETWEEN_CAPITALS = /(?<=[\p{Lu}l])[01](?=[\p{Lu}l])/gu;
/** A zero opening a word in lower case, possibly with an apostrophe: "0sei", "0'Brlen". */
const ZERO_FOR_O = /(?<![\p{L}\p{N}])0(?=['’]\p{L}|\p{Ll}{2,})/gu;

const DIGIT_FOR: Record<string, string> = { O: '0', o: '0', I: '1', l: '1' };

/** `text` with look-alike letters and digits read as the surroundings say (see the module comment); the same length. */
export function undoOcrConfusables(text: string): string {
  let out = text;
  const put = (at: number, replacement: string) => {
    out = out.slice(0, at) + replacement + out.slice(at + replacement.length);
  };
  for (const m of text.matchAll(NUMBER_RUN)) {
    const run = m[0];
    const digits = run.replace(/\D/g, '').length;
    const confusable = /[OoIl]/.test(run);
    // A word glued to a number ("2lbs") is no run, and a word of look-alikes alone ("lol") has no digit.
    if (!confusable || isMedicalCodeShape(run) || !(digits >= 2 || (digits === 1 && /^\d/.test(run) && run.length >= 2))) continue;
    put(m.index, run.replace(/[OoIl]/g, (c) => DIGIT_FOR[c]!));
  }
  for (const m of text.matchAll(CAPITALS_WORD)) {
    // Two digits or more make a code ("E11", "G0439"), not a name OCR misread.
    if ((m[0].match(/\d/g)?.length ?? 0) >= 2 || m[0].length < 3 || !/\p{Lu}.*\p{Lu}/u.test(m[0].replace(/[l01]/g, ''))) continue;
    // A 1 is read as an I only in a longer word: "K1P 5K7" is a postcode, "BEATR1Z" a name.
    const long = m[0].length >= MIN_WORD_FOR_ONE;
    put(m.index, m[0].replace(DIGIT_BETWEEN_CAPITALS, (d) => (d === '0' ? 'O' : long ? 'I' : d)).replace(/l/g, 'I'));
  }
  for (const m of text.matchAll(ZERO_FOR_O)) put(m.index, 'O');
  return out;
}
