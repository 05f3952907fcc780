/** Small numbers spelled out, one to twelve, as guides write them ("four years") where chat writes digits ("4 yr"). */
export const NUMBER_WORDS: readonly string[] = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

const SPELLED = new Set(NUMBER_WORDS);

/** True for a small number spelled out ("two", "Twelve"). */
export function isNumberWord(word: string): boolean {
  return SPELLED.has(word.toLowerCase());
}
