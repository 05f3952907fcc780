import { isLabelWord } from './label-words.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// "Brooklyn Pryor emailed from brooklynp.2003@…", "jsmith@… is John Smith": a pair of capitalised
// words that the message's own email address spells (first name and the surname's initial, the
// first initial and the surname, or both words) is that person's name, whatever the words are.

const EMAIL_LOCAL = /(?<![\w.%+-])([A-Za-z0-9._%+-]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const TITLE_PAIR = /(?<![\p{L}'’-])(?=((\p{Lu}\p{Ll}{2,})[ \t]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?))(?![\p{L}'’-]))/gu;

/** Names spelled by an email address in the same message (see the module comment). */
export function detectNamesInEmails(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const locals = [...text.matchAll(EMAIL_LOCAL)].map((m) => m[1]!.toLowerCase().replace(/[^a-z]/g, ''));
  if (locals.length === 0) return [];
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(TITLE_PAIR)) {
    const [pair, first, last] = [m[1]!, m[2]!, m[3]!];
    if ([first, last].some((w) => isLabelWord(w) || vocabulary.isKnown(w) || vocabulary.isFunctionWord(w))) continue;
    if (locals.some((local) => spells(local, first.toLowerCase(), last.toLowerCase()))) {
      found.push({ kind: 'name', start: m.index, end: m.index + pair.length });
    }
  }
  return found;
}

function spells(local: string, first: string, last: string): boolean {
  const surname = last.replace(/[^a-z]/g, '');
  return local.startsWith(first + surname[0]) || local.startsWith(first[0] + surname) || (local.includes(first) && local.includes(surname)) || local.startsWith(surname + first[0]);
}
