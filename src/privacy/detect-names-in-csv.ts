import { isLabelWord } from './label-words.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// An export pasted with its header row ("mrn,last,first,dob,dos,cpt,icd" then "448201,Okoye,
// Ifeanyi,1972-03-15,…"; 'claim_id,patient,dob … C-558102,"Ngata, Hemi",1958-09-30,…') says which
// column holds whose name: the cells under a name column are names, whatever the words are. The
// row may follow on the next line or, where a paste lost its line breaks, after a space. A column
// called just "name" may name a code or a product ("code,name,fee"), so its cells count only when
// they read like a person's name (see nameLike).

/** Columns that hold a person's name, or a part of one. */
const PERSON_COLUMN = /^(?:(?:pt|patient|member|subscriber|guarantor|insured|beneficiary)[_ -]?(?:full[_ -]?)?(?:name)?|(?:last|first|middle|given|family|sur)[_ -]?name|last|first|surname|lname|fname)$/i;
const NAME_COLUMN = /^(?:full[_ -]?)?name$/i;
/** A header: three or more column names, the same separator between them. */
const HEADER = /(?<![\w,|\t])[A-Za-z_][A-Za-z0-9_]*(?<sep>[,|\t])[A-Za-z_][A-Za-z0-9_]*(?:\k<sep>[A-Za-z_][A-Za-z0-9_]*)+(?![\w,|\t])/g;
/** What separates the header from the first row, and one row from the next. */
const ROW_BREAK = /^(?:[ \t]*\r?\n[ \t]*|[ ](?=\S))/;

/** Names in the cells under a header's name columns (see the module comment). */
export function detectNamesInCsv(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const header of text.matchAll(HEADER)) {
    const separator = header.groups!.sep!;
    const columns = header[0].split(separator);
    if (!columns.some((c) => PERSON_COLUMN.test(c) || NAME_COLUMN.test(c))) continue;
    let at = header.index + header[0].length;
    for (let row = readRow(text, at, separator, columns.length); row; row = readRow(text, at, separator, columns.length)) {
      row.cells.forEach((cell, i) => {
        const column = columns[i]!;
        if (PERSON_COLUMN.test(column) ? personCell(cell.value, vocabulary) : NAME_COLUMN.test(column) && nameLike(cell.value, vocabulary)) found.push({ kind: 'name', start: cell.start, end: cell.start + cell.value.length });
      });
      at = row.end;
    }
  }
  return found;
}

interface Cell {
  value: string;
  start: number;
}

/** The row of `count` cells starting after a row break at `from`, or undefined when none is there. */
function readRow(text: string, from: number, separator: string, count: number): { cells: Cell[]; end: number } | undefined {
  const lead = ROW_BREAK.exec(text.slice(from));
  if (!lead) return undefined;
  const cells: Cell[] = [];
  let at = from + lead[0].length;
  for (let i = 0; i < count; i++) {
    const quoted = text[at] === '"';
    const close = quoted ? text.indexOf('"', at + 1) : -1;
    const stop = quoted ? close + 1 : nextStop(text, at, separator, i === count - 1);
    if (quoted && close === -1) return undefined;
    cells.push(quoted ? { value: text.slice(at + 1, close), start: at + 1 } : { value: text.slice(at, stop), start: at });
    if (i < count - 1 && text[stop] !== separator) return undefined;
    at = stop + (i < count - 1 ? 1 : 0);
  }
  return { cells, end: at };
}

/** Where an unquoted cell ends: at the separator, or (the last cell) at a space or line end. */
function nextStop(text: string, from: number, separator: string, last: boolean): number {
  let at = from;
  while (at < text.length && text[at] !== separator && text[at] !== '\n' && !(last && /\s/.test(text[at]!))) at++;
  return at;
}

/** A cell of a person column: letters (a comma inside quotes allowed), no label, not only the guides' words. */
function personCell(value: string, vocabulary: Vocabulary): boolean {
  const words = value.split(/[\s,]+/u).filter(Boolean);
  return words.length > 0 && words.length <= 4 && words.every((w) => /^\p{L}[\p{L}'’.-]*$/u.test(w) && !isLabelWord(w)) && !words.every((w) => vocabulary.isKnown(w));
}

/** A cell of a column called "name" that reads like a person's: capitalised words, one a census given name or no English word ("Patient" is a census surname). */
function nameLike(value: string, vocabulary: Vocabulary): boolean {
  const words = value.split(/[\s,]+/u).filter(Boolean);
  return personCell(value, vocabulary) && words.every((w) => /^\p{Lu}/u.test(w)) && words.some((w) => vocabulary.isGivenName(w) || !vocabulary.isFamiliar(w));
}
