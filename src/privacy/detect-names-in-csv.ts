import { AGE_OVER_89_NUMBER } from './detect-dates.js';
import { isLabelWord } from './label-words.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// An export pasted with its header row ("mrn,last,first,dob,dos,cpt,icd" then "448201,Okoye,
// Ifeanyi,1972-03-15,…"; 'claim_id,patient,dob … C-558102,"Ngata, Hemi",1958-09-30,…') says which
// column holds whose name: the cells under a name column are names, whatever the words are (and an
// age column's cells over 89 are ages, a birth or service date column's dates). The
// row may follow on the next line or, where a paste lost its line breaks, after a space. A column
// called just "name" may name a code or a product ("code,name,fee"), so its cells count only when
// they read like a person's name (see nameLike).

/** Columns that hold a person's name, or a part of one. */
const PERSON_COLUMN = /^(?:(?:pt|patient|member|subscriber|guarantor|insured|beneficiary)[_ -]?(?:full[_ -]?)?(?:name)?|(?:last|first|middle|given|family|sur)[_ -]?name|last|first|surname|lname|fname)$/i;
const NAME_COLUMN = /^(?:full[_ -]?)?name$/i;
/** Columns that hold an age, and the dates of a person's life and care. */
const AGE_COLUMN = /^(?:pt[_ -]?|patient[_ -]?)?age$/i;
const DATE_COLUMN = /^(?:dob|birth[_ -]?date|date[_ -]?of[_ -]?birth|dos|dod|admit[_ -]?date|disch(?:arge)?[_ -]?date|service[_ -]?date|svc[_ -]?date)$/i;
/** A header: three or more column names, quoted or not, the same separator between them. */
const COLUMN = '"?[A-Za-z_][A-Za-z0-9_]*"?';
const HEADER = new RegExp(`(?<![\\w,|\\t"])${COLUMN}(?<sep>[,|\\t])${COLUMN}(?:\\k<sep>${COLUMN})+(?![\\w,|\\t"])`, 'g');
const DATE_CELL = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
/** What separates the header from the first row, and one row from the next. */
const ROW_BREAK = /^(?:[ \t]*\r?\n[ \t]*|[ ](?=\S))/;

/** Names in the cells under a header's name columns (see the module comment). */
export function detectNamesInCsv(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const header of text.matchAll(HEADER)) {
    const separator = header.groups!.sep!;
    const columns = header[0].split(separator).map((c) => c.replace(/"/g, ''));
    if (!columns.some((c) => PERSON_COLUMN.test(c) || NAME_COLUMN.test(c))) continue;
    let at = header.index + header[0].length;
    for (let row = readRow(text, at, separator, columns.length); row; row = readRow(text, at, separator, columns.length)) {
      row.cells.forEach((cell, i) => {
        const kind = cellKind(columns[i]!, cell.value, vocabulary);
        if (kind) found.push({ kind, start: cell.start, end: cell.start + cell.value.length });
      });
      at = row.end;
    }
  }
  return found;
}

/** What a cell under `column` holds, if it is patient data: a name, an age over 89 or a date. */
function cellKind(column: string, value: string, vocabulary: Vocabulary): PhiFinding['kind'] | undefined {
  if (PERSON_COLUMN.test(column) ? personCell(value, vocabulary) : NAME_COLUMN.test(column) && nameLike(value, vocabulary)) return 'name';
  if (AGE_COLUMN.test(column) && AGE_OVER_89_NUMBER.test(value)) return 'age_over_89';
  if (DATE_COLUMN.test(column) && DATE_CELL.test(value)) return 'date';
  return undefined;
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
