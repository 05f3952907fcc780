/**
 * One spelling for text that verification compares: Unicode compatibility forms, hyphens, en
 * dashes and minus signs as "-" (an em dash as " - "), curly quotes straight, trademark signs and
 * Markdown emphasis gone, whitespace single.
 * Applied to claims and excerpts alike, so "0–2 years" in one matches "0-2 years" in the other.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    // An em dash joins clauses ("GED—the minimum"), not words: spaced, so "GED" stays a token.
    .replace(/[\u2014\u2015]/g, ' - ')
    .replace(/[\u2010-\u2013\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[®™©]/g, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
