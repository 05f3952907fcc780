/**
 * One spelling for text that verification compares: Unicode compatibility forms, every dash as
 * "-", curly quotes straight, trademark signs and Markdown emphasis gone, whitespace single.
 * Applied to claims and excerpts alike, so "0–2 years" in one matches "0-2 years" in the other.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[®™©]/g, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
