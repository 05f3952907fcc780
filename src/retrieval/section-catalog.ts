import { guideWords, sectionUnits, type Chunk, type GlossaryEntry, type Section } from '../ingest/index.js';
import type { KnowledgeIndex } from '../index/index.js';
import { QUALITY } from '../quality/index.js';
import { getWordNet } from '../lexicon/index.js';
import { contentTerms, isStopWord } from '../text/index.js';
import type { Vocabulary } from './query-expansion.js';

/** One answerable line of a section (a bullet or a sentence), pre-tokenised for scoring. */
export interface Unit {
  text: string;
  line: number;
  kind: 'bullet' | 'paragraph';
  /** A list item's nesting depth (1 at the top level); absent for paragraphs and table rows. */
  depth?: number;
  terms: ReadonlySet<string>;
  /** Terms of a definition bullet's label ("EHR Systems" in "EHR Systems: Epic, …"), if it has one. */
  labelTerms?: ReadonlySet<string>;
  /**
   * Terms of the question the guide asks right before this line ("Q: Is it too late to start at 40?"
   * before "A: No. Career changers are common …"): the question titles its answer, as a heading would.
   */
  askedBy?: ReadonlySet<string>;
  /** Position of the unit's chunk in the index (vector label), if it was indexed. */
  label?: number;
  /** The unit's embedding (unit length), for line-level similarity to a question. */
  vector?: Float32Array;
}

export interface CatalogSection {
  section: Section;
  units: Unit[];
  headingTerms: ReadonlySet<string>;
  /** Terms of the last heading only (the section's own title). */
  titleTerms: ReadonlySet<string>;
  glossary: GlossaryEntry[];
  /** Subsections directly under this one (for parents such as "Getting Started"). */
  children: Section[];
  /** Unit-length mean of all the section's chunk embeddings: what the section is about as a whole. */
  centroid?: Float32Array;
  /** Embedding of the heading path alone. */
  headingVector?: Float32Array;
}

/** True when the word itself, not only a base form of it, is a WordNet lemma ("him" is; "ccs" is not, though "cc" is). */
function isEnglishLemma(word: string): boolean {
  return getWordNet().lemmas(word).some((l) => l.lemma === word);
}

/** Two or more capitals with lower-case letters among them, as some credentials are written ("CPhT", "ExCPT"). */
const MIXED_CASE = /(?<![\p{L}\p{N}-])\p{Lu}\p{Ll}*\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}-])/gu;
/** A word in capitals: two or more capitals or digits, hyphenated parts allowed ("RHIT", "CPC-A", "ICD-10"). */
const CAPITALISED = /(?<![\p{L}\p{N}-])[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*(?![\p{L}\p{N}-])/gu;

/** Words every career question may use without narrowing it down ("jobs", "the field"). */
const CAREER_WORDS = ['job', 'career', 'work', 'field', 'profess', 'industri', 'occup'];

/**
 * Per-section lookup tables computed once per index load: units with their terms, heading
 * terms, glossary entries and inverse document frequencies over sections.
 */
export class SectionCatalog implements Vocabulary {
  /** The guides' word tokens, most frequent first (spelling correction prefers common words). */
  readonly words: readonly string[];
  readonly sections = new Map<string, CatalogSection>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly sectionCount: number;
  /** Stems of the guides' titles: the subject every section is about ("clinical coding specialist"). */
  private readonly topicTerms: ReadonlySet<string>;

  /**
   * Initials of runs of the guides' words: two content words ("physician assistant" → "pa"), or two
   * to five capitalised words ("Certified Medical Assistant" → "cma"). Longer initials only count
   * from capitalised names: three lower-case words spell some three letters all too often.
   */
  private readonly initialisms = new Set<string>();

  /** Words the guides write in capitals ("RHIT", "CPC-A"), lower-cased: a question may type them in lower case. */
  private readonly capitalised = new Set<string>();

  /** Words the guides write in mixed case with two or more capitals ("CPhT-Adv"), as written. */
  private readonly mixedCase = new Set<string>();

  constructor(index: KnowledgeIndex) {
    const unitLabels = new Map<string, number>();
    const sectionLabels = new Map<string, number[]>();
    const headingLabels = new Map<string, number>();
    index.chunks.forEach((c: Chunk, label) => {
      if (c.kind === 'unit') unitLabels.set(`${c.sectionId}@${c.lineStart}@${c.text}`, label);
      else if (c.kind === 'heading') headingLabels.set(`${c.source}#${c.sectionId}`, label);
      else sectionLabels.set(`${c.source}#${c.sectionId}`, [...(sectionLabels.get(`${c.source}#${c.sectionId}`) ?? []), label]);
    });
    const vectorOf = (label: number | undefined) => (label === undefined ? undefined : index.vectors.vectorAt(label));
    const all = index.documents.flatMap((d) => d.sections);
    for (const section of all) {
      const units: Unit[] = sectionUnits(section).map((u, i, all) => {
        const label = unitLabels.get(`${section.id}@${u.line}@${u.text}`);
        const asked = i > 0 && all[i - 1]!.text.endsWith('?') && !u.text.endsWith('?') ? { askedBy: new Set(contentTerms(all[i - 1]!.text)) } : {};
        return { text: u.text, line: u.line, kind: u.block.kind, depth: u.block.depth, terms: new Set(contentTerms(u.text)), ...labelOf(u.block.kind, u.text), ...asked, label, vector: vectorOf(label) };
      });
      const headingTerms = new Set(contentTerms(section.headingPath.join(' ')));
      const children = all.filter(
        (s) => s.source === section.source && s.headingPath.length === section.headingPath.length + 1 && section.headingPath.every((h, i) => s.headingPath[i] === h),
      );
      this.sections.set(key(section), {
        section,
        units,
        headingTerms,
        titleTerms: new Set(contentTerms(section.headingPath.at(-1)!)),
        glossary: index.glossary.filter((g) => g.sectionId === section.id && g.source === section.source),
        children,
        headingVector: vectorOf(headingLabels.get(key(section))),
        centroid: centroid([...(sectionLabels.get(key(section)) ?? []).map((l) => index.vectors.vectorAt(l)), ...units.flatMap((u) => (u.vector ? [u.vector] : []))]),
      });
      for (const text of [section.headingPath.at(-1)!, ...units.map((u) => u.text)]) {
        this.addInitialisms(text);
        for (const m of text.matchAll(CAPITALISED)) this.capitalised.add(m[0].toLowerCase());
        for (const m of text.matchAll(MIXED_CASE)) if (/\p{Ll}/u.test(m[0])) this.mixedCase.add(m[0]);
      }
      const seen = new Set<string>([...headingTerms, ...units.flatMap((u) => [...u.terms])]);
      for (const t of seen) this.documentFrequency.set(t, (this.documentFrequency.get(t) ?? 0) + 1);
    }
    this.sectionCount = all.length;
    this.words = guideWords(index.documents);
    this.topicTerms = new Set([...index.documents.flatMap((d) => contentTerms(d.title)), ...CAREER_WORDS]);
  }

  /** The catalog entry for a chunk's section. */
  forChunk(chunk: Chunk): CatalogSection | undefined {
    return this.sections.get(`${chunk.source}#${chunk.sectionId}`);
  }

  /** Inverse document frequency over sections; unknown terms get the highest weight. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + this.sectionCount / (df + 0.5));
  }

  /**
   * How much a question term says about which section answers it. Words of the guide's own
   * subject ("coder", "clinical") are true of every section, so they count a quarter.
   */
  termWeight(term: string): number {
    return this.idf(term) * this.topicalFactor(term);
  }

  /** QUALITY.matching.topicalTermWeight for a word of the guides' own subject or a career word, else 1. */
  topicalFactor(term: string): number {
    const topical = [...this.topicTerms].some((t) => t === term || (term.length >= 4 && t.length >= 4 && (term.startsWith(t) || t.startsWith(term))));
    return topical ? QUALITY.matching.topicalTermWeight : 1;
  }

  /**
   * The question with words the guides write in capitals, and neither a dictionary nor the stop
   * words know in lower case, written as the guides write them ("wat even is rhit" → "wat even is
   * RHIT"): the embedding model and the acronym checks read "rhit" and "RHIT" as different words.
   */
  truecase(question: string): string {
    return question.replace(/(?<![\p{L}\p{N}-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\p{L}\p{N}-])/gu, (word) =>
      this.capitalised.has(word) && !isStopWord(word) && !isEnglishLemma(word) ? word.toUpperCase() : word,
    );
  }

  /** The credentials in `text` written in mixed case ("CPhT-Adv", "ExCPT") that a guide writes the same way. */
  mixedCaseAcronymsIn(text: string): string[] {
    return [...text.matchAll(MIXED_CASE)].map((m) => m[0]).filter((t) => this.mixedCase.has(t));
  }

  /**
   * True when the guides use an acronym as written ("CMA", "ICD-10") or spell out words whose
   * initials it is ("PA" for "physician assistant programs"): either way they speak of it.
   */
  knowsAcronym(acronym: string): boolean {
    const terms = contentTerms(acronym);
    if (terms.some((t) => this.knows(t))) return true;
    const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
    return terms.length === 0 || this.initialisms.has(letters);
  }

  private addInitialisms(text: string): void {
    const all = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const words = all.filter((w) => !isStopWord(w.toLowerCase()));
    const initials = (run: string[]) => run.map((w) => w[0]!.toLowerCase()).join('');
    for (let i = 0; i + 2 <= words.length; i++) this.initialisms.add(initials(words.slice(i, i + 2)));
    for (const run of titleCase(words) ? namedRuns(all) : capitalisedWindows(words)) this.initialisms.add(initials(run));
  }

  /** Sections (of every loaded guide) whose heading or lines use a stemmed term. */
  sectionsUsing(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** True when a stemmed term occurs anywhere in the knowledge base. */
  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }
}

function centroid(vectors: Float32Array[]): Float32Array | undefined {
  const first = vectors.find((v) => v.length > 0);
  if (!first) return undefined;
  const sum = new Float32Array(first.length);
  for (const v of vectors) if (v.length === sum.length) for (let i = 0; i < v.length; i++) sum[i]! += v[i]!;
  const norm = Math.hypot(...sum);
  return norm > 0 ? sum.map((x) => x / norm) : undefined;
}

function labelOf(kind: Unit['kind'], text: string): Pick<Unit, 'labelTerms'> {
  const label = kind === 'bullet' ? /^([^:–—]{2,70})[:–—]/.exec(text)?.[1] : undefined;
  return label ? { labelTerms: new Set(contentTerms(label)) } : {};
}

function key(section: Section): string {
  return `${section.source}#${section.id}`;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

/** Text whose every content word is capitalised (a Title Case heading): capitals there mark the style, not a name. */
function titleCase(words: readonly string[]): boolean {
  return words.length >= 3 && words.every((w) => isCapitalised(w) || /^\p{N}/u.test(w));
}

/** Every run of 3 to 5 capitalised words (stop words between them skipped): the names an acronym may abbreviate. */
function capitalisedWindows(words: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n <= 5 && i + n <= words.length; n++) if (words.slice(i, i + n).every(isCapitalised)) runs.push(words.slice(i, i + n));
  }
  return runs;
}

/**
 * In Title Case text, only runs that end where a run between stop words ends: "Continuous Professional
 * Development" in "Pursue Continuous Professional Development", not "Core Responsibilities of Clinical"
 * in "Core Responsibilities of Clinical Coding Specialists" (a name ends its phrase; a leading verb is not part of it).
 */
function namedRuns(words: readonly string[]): string[][] {
  const runs: string[][] = [[]];
  for (const w of words) {
    if (isStopWord(w.toLowerCase())) runs.push([]);
    else runs.at(-1)!.push(w);
  }
  return runs.flatMap((run) => [3, 4, 5].filter((n) => n <= run.length).map((n) => run.slice(run.length - n)));
}
