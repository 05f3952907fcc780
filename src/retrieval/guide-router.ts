import { QUALITY } from '../quality/index.js';
import type { AnalyzedQuery } from './query-analysis.js';
import type { KnowledgeIndex } from '../index/index.js';
import { guideSubject } from '../ingest/index.js';
import { contentTerms } from '../text/index.js';
import type { SectionCatalog } from './section-catalog.js';

/** Which loaded guides a question is for, and whether the question itself said so. */
export interface GuideRoute {
  /** Guide files (sources) to answer from, most clearly named first. */
  guides: string[];
  /** True when the question named something only these guides use (a career, a credential, a term). */
  named: boolean;
}

/**
 * Keeps several guides apart. A question names a guide when it uses one of the guide's own
 * names (a word of its title, a credential it defines) that the other loaded guides (almost)
 * never use. Names and counts come from the guides themselves, so the rule carries over to any
 * set of guides. A question that names none is ambiguous: every allowed guide is a candidate.
 */
export class GuideRouter {
  /** Stemmed term → guide file → number of units (lines and headings) using it. */
  private readonly uses = new Map<string, Map<string, number>>();
  /** Guide file → the stems it is called by: its title's words and the acronyms it defines. */
  private readonly names = new Map<string, Set<string>>();

  constructor(index: Pick<KnowledgeIndex, 'documents' | 'glossary'>, catalog: SectionCatalog) {
    for (const entry of catalog.sections.values()) {
      const source = entry.section.source;
      for (const terms of [entry.headingTerms, ...entry.units.map((u) => u.terms)]) for (const term of terms) this.count(term, source);
    }
    for (const document of index.documents) {
      const acronyms = index.glossary.filter((g) => g.source === document.source && g.kind === 'definition' && g.acronym).map((g) => g.acronym!);
      this.names.set(document.source, new Set(contentTerms([guideSubject(document.title), ...acronyms].join(' '))));
    }
  }

  route(query: AnalyzedQuery, allowed: readonly string[]): GuideRoute {
    if (allowed.length < 2) return { guides: [...allowed], named: allowed.length === 1 };
    const evidence = new Map<string, number>();
    for (const term of query.terms) {
      if (term.hint) continue;
      for (const source of allowed) if (this.isNamedBy(term.term, source, allowed)) evidence.set(source, (evidence.get(source) ?? 0) + term.weight);
    }
    const named = [...evidence].filter(([, weight]) => weight >= QUALITY.guides.minNamingWeight).sort((a, b) => b[1] - a[1]);
    if (named.length === 0) return { guides: [...allowed], named: false };
    const strongest = named[0]![1];
    // Names of two guides at once ("pharmacy billing and coding"): keep every guide named nearly as strongly.
    return { guides: named.filter(([, weight]) => weight >= strongest * QUALITY.guides.coNamedShare).map(([source]) => source), named: true };
  }

  /** True when a question term is one of this guide's names ("coder" ~ "coding") and the other allowed guides hardly use that name. */
  private isNamedBy(term: string, source: string, allowed: readonly string[]): boolean {
    const { minUses, dominance } = QUALITY.guides;
    for (const name of this.names.get(source) ?? []) {
      if (!sameWord(term, name)) continue;
      const own = this.usesOf(name, source);
      if (own >= minUses && allowed.every((other) => other === source || own >= dominance * this.usesOf(name, other))) return true;
    }
    return false;
  }

  private usesOf(term: string, source: string): number {
    return this.uses.get(term)?.get(source) ?? 0;
  }

  private count(term: string, source: string): void {
    const counts = this.uses.get(term) ?? new Map<string, number>();
    counts.set(source, (counts.get(source) ?? 0) + 1);
    this.uses.set(term, counts);
  }
}

/** The same word in another form: equal stems, or one stem extending the other ("coder" / "code", "tech" / "technician"). */
function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)));
}
