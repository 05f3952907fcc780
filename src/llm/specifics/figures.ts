/**
 * Figures in text: amounts of money, percentages, counts, durations, years and calendar months,
 * each reduced to a value and a unit so that different spellings of one figure compare equal:
 *
 *   "$28,000" = "28,000 dollars" = "$28K" = "28 thousand dollars"  → 28000 money
 *   "two years" = "2 years" = "2-year" = "2 yrs"                      → 2 year
 *   "8-10%" = "8 to 10 percent"                                       → 8 percent, 10 percent
 *   "0–2 years" (en dash)                                             → 0 year, 2 year
 *
 * Text is expected to be normalised first (normalizeForMatching): dashes are "-".
 */

export type FigureUnit = 'money' | 'percent' | 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'calendar-month';

export interface Figure {
  value: number;
  /** Absent for a bare number ("17 sections" counts, "2033"), which any unit of the same value matches. */
  unit?: FigureUnit;
  /** As written, for messages. */
  text: string;
  index: number;
  end: number;
  /** Written as a word ("two"), not digits. */
  spelled: boolean;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, k: 1e3, m: 1e6, bn: 1e9 };
const TIME_UNITS: Array<[RegExp, FigureUnit]> = [
  [/^(?:years?|yrs?)$/i, 'year'],
  [/^(?:months?|mos?)$/i, 'month'],
  [/^(?:weeks?|wks?)$/i, 'week'],
  [/^days?$/i, 'day'],
  [/^(?:hours?|hrs?)$/i, 'hour'],
  [/^(?:minutes?|mins?)$/i, 'minute'],
];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Digits, not part of a code such as "ICD-10" or "HL7" (but "$28K-35K" is a range): an optional currency sign, the number
 * with thousands commas and decimals, an ordinal ending, or a scale letter glued on ("28K").
 */
const NUMERAL = /(?<![\p{L}\p{N}.,])(?<!(?<!\d)\p{L}-)(\$|USD ?|US\$)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:(st|nd|rd|th)|(k|K|m|M|bn)(?![\p{L}]))?(\+)?(?![\p{L}\p{N}])/gu;
const SPELLED = new RegExp(`(?<![\\p{L}-])(${Object.keys(SMALL).join('|')})(?:-(one|two|three|four|five|six|seven|eight|nine))?(?![\\p{L}])`, 'giu');
const MONTH_NAME = new RegExp(`(?<![\\p{L}])(?:(${MONTHS.join('|')})|(${MONTH_ABBREVIATIONS.join('|')})\\.?(?= \\d))(?![\\p{L}])`, 'gu');

/** The words right after a figure that give it a unit or a scale. */
const AFTER = /^ ?(?:(%|percent\b|per cent\b)|(thousand|million|billion)\b|-?(years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?)\b)/i;
const DOLLARS_AFTER = /^ ?(?:dollars?|USD)\b/i;
/** What may stand between the two ends of a range: "0-2", "$28,000-$35,000", "two to three", "8 or 10". */
const RANGE_GAP = /^ ?(?:-|to|and|or) ?\$?$/i;

/** Every figure in `text`, in order. Spelled-out numbers are included; see `isClaimedFigure`. */
export function findFigures(text: string): Figure[] {
  const figures = [...numerals(text), ...spelledNumbers(text), ...monthNames(text)].sort((a, b) => a.index - b.index);
  shareRangeUnits(text, figures);
  return figures;
}

/**
 * Whether a figure found in a claim states something checkable. Digits always do; a spelled
 * number only with a unit ("two years") or counting something ("three credentials"): "one of
 * the most…" and "one" as a pronoun state nothing.
 */
export function isClaimedFigure(figure: Figure, text: string): boolean {
  if (!figure.spelled || figure.unit) return true;
  if (figure.value === 1) return false;
  return /^ [a-z]{3,}/i.test(text.slice(figure.end)) && !/^ (?:of|or|to|and|in|on|at)\b/i.test(text.slice(figure.end));
}

/** True when `excerptFigures` hold a figure of the same value whose unit does not contradict. */
export function figureOccurs(figure: Figure, excerptFigures: readonly Figure[]): boolean {
  return excerptFigures.some((g) => Math.abs(g.value - figure.value) < 1e-9 && (!figure.unit || !g.unit || g.unit === figure.unit));
}

function numerals(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(NUMERAL)) {
    const [whole, currency, digits, decimals, , glued] = m;
    let value = Number(`${digits!.replace(/,/g, '')}${decimals ?? ''}`);
    if (glued) value *= SCALE[glued.toLowerCase()]!;
    let unit: FigureUnit | undefined = currency ? 'money' : undefined;
    const after = unitAfter(text, m.index + whole.length);
    value *= after.scale;
    const dollars = after.unit ? undefined : DOLLARS_AFTER.exec(text.slice(after.end));
    unit = after.unit ?? (dollars ? 'money' : unit);
    const end = after.end + (dollars?.[0].length ?? 0);
    out.push({ value, unit, text: text.slice(m.index, end).trim(), index: m.index, end, spelled: false });
  }
  return out;
}

function spelledNumbers(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(SPELLED)) {
    const value = SMALL[m[1]!.toLowerCase()]! + (m[2] ? SMALL[m[2].toLowerCase()]! : 0);
    const after = unitAfter(text, m.index + m[0].length);
    const dollars = after.unit ? undefined : DOLLARS_AFTER.exec(text.slice(after.end));
    const end = after.end + (dollars?.[0].length ?? 0);
    out.push({ value: value * after.scale, unit: after.unit ?? (dollars ? 'money' : undefined), text: text.slice(m.index, end).trim(), index: m.index, end, spelled: true });
  }
  return out;
}

/** Calendar months ("January", "Sept. 5"); a bare "may" is the verb, so only "May" before a day counts. */
function monthNames(text: string): Figure[] {
  const out: Figure[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(MONTH_NAME)) {
    const name = m[1] ?? m[2]!;
    const written = text.slice(m.index, m.index + m[0].length);
    if (!/^[A-Z]/.test(written)) continue;
    if (name === 'may' && !/^ \d/.test(text.slice(m.index + 3))) continue;
    const month = m[1] ? MONTHS.indexOf(name) : MONTH_ABBREVIATIONS.indexOf(name);
    out.push({ value: month + 1, unit: 'calendar-month', text: written, index: m.index, end: m.index + m[0].length, spelled: true });
  }
  return out;
}

function unitAfter(text: string, end: number): { unit?: FigureUnit; scale: number; end: number } {
  let scale = 1;
  let position = end;
  for (;;) {
    const m = AFTER.exec(text.slice(position));
    if (!m) return { scale, end: position };
    position += m[0].length;
    if (m[1]) return { unit: 'percent', scale, end: position };
    if (m[3]) return { unit: TIME_UNITS.find(([pattern]) => pattern.test(m[3]!))![1], scale, end: position };
    scale *= SCALE[m[2]!.toLowerCase()]!;
  }
}

/** "0-2 years": the unit written once belongs to both ends; "$28,000-35,000": so does the currency. */
function shareRangeUnits(text: string, figures: Figure[]): void {
  for (let i = 1; i < figures.length; i++) {
    const [a, b] = [figures[i - 1]!, figures[i]!];
    if (!RANGE_GAP.test(text.slice(a.end, b.index)) || a.unit === 'calendar-month' || b.unit === 'calendar-month') continue;
    if (!a.unit && b.unit) a.unit = b.unit;
    else if (a.unit && !b.unit) b.unit = a.unit;
  }
}
