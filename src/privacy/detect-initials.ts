import { isLabelWord } from './label-words.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// Patients named by initials only ("J.R.", "R.K.S.", "T.O'B.") or by an initial and a surname
// ("D. Abernathy"), in a chart-like message. Dotted capitals that spell a word or an
// abbreviation are left alone: function words ("U.S.", "A.M."), the detectors' labels ("D.C."),
// the guides' words (credentials) and what WordNet files under people ("M.D.", "R.N.", "Jr.").

const DOTTED_INITIALS = /(?<![\p{L}\d.'’])\p{Lu}\.(?:[ \t]?\p{Lu}(?:['’]\p{Lu})?\.){1,2}(?![\p{L}\d])/gu;
// One or two initials, then a capitalised word, set off from what comes before ("Part B. Cigna" is
// no name; "J.R. Whitaker" is).
const INITIAL_AND_SURNAME = /(?<=^|["“(\n]|,[ \t]*|\p{Ll}[ \t]+)\p{Lu}\.(?:[ \t]?\p{Lu}\.)?[ \t]*(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}.])/gu;

/** Initials and initial-plus-surname names in a chart-like message (the caller decides). */
export function detectInitials(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(DOTTED_INITIALS)) {
    const letters = m[0].replace(/[.\s'’]/g, '').toLowerCase();
    if (!isAbbreviation(letters, vocabulary) && !/\d[ \t]*$/.test(text.slice(0, m.index))) found.push({ kind: 'name', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(INITIAL_AND_SURNAME)) {
    const surname = m[1]!;
    if (vocabulary.isKnown(surname) || isLabelWord(surname)) continue;
    if (!vocabulary.isFamiliar(surname) || vocabulary.isSurname(surname)) found.push({ kind: 'name', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

function isAbbreviation(letters: string, vocabulary: Vocabulary): boolean {
  return vocabulary.isFunctionWord(letters) || isLabelWord(letters) || vocabulary.isKnown(letters) || vocabulary.isPersonName(letters);
}
