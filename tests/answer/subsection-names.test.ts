import { describe, expect, it } from 'vitest';
import { composeExtractiveAnswer } from '../../src/answer/extractive-composer.js';
import type { RankedLine, RankedSection, RetrievalResult } from '../../src/retrieval/index.js';

// A list question whose best line sits in a parent section of subsections ("Training Paths" with
// "Apprenticeship", "College Course", "Self-Study") is answered with the subsections' names only
// when that parent is what ranked first; otherwise the names answer a question nobody asked.

function section(path: string[], lines: string[], children: string[][] = [], score = 1): RankedSection {
  const units = lines.map((text, i) => ({ text, line: i + 1, kind: 'paragraph' as const, terms: new Set<string>() }));
  const entry = { section: { id: path.join('/'), source: 'beekeeper.md', headingPath: path }, units, children: children.map((p) => ({ headingPath: p })), headingTerms: new Set(), titleTerms: new Set(), glossary: [] };
  return { entry, score, units: units.map((unit) => ({ unit, coverage: 0, support: 0, hasQuantity: false, dense: 0, about: 0, score: 0 })), features: {} } as unknown as RankedSection;
}

function result(sections: RankedSection[], lead: RankedSection): RetrievalResult {
  const lines: RankedLine[] = [{ unit: lead.units[0]!, section: lead, rank: sections.indexOf(lead), score: 2 }];
  return { query: { question: 'q', searchText: 'q', terms: [], definitional: false, wantsList: true, acronyms: [], properNames: [] }, sections, lines, retrieveMs: 0, signals: {} } as unknown as RetrievalResult;
}

const parent = section(['Beekeeper Guide', 'Training Paths'], ['There are several ways to train.'], [
  ['Beekeeper Guide', 'Training Paths', 'Apprenticeship'],
  ['Beekeeper Guide', 'Training Paths', 'College Course'],
  ['Beekeeper Guide', 'Training Paths', 'Self-Study'],
]);
const conditions = section(['Beekeeper Guide', 'Working Conditions'], ['Beekeepers spend long days outdoors and get stung often.']);

describe('subsection names as a list answer', () => {
  it('names the subsections when the parent ranked first', () => {
    expect(composeExtractiveAnswer(result([parent, conditions], parent)).text).toContain('Apprenticeship; College Course; Self-Study');
  });

  it('quotes the lead line instead when another section ranked first', () => {
    const answer = composeExtractiveAnswer(result([conditions, parent], parent)).text;
    expect(answer).not.toContain('Apprenticeship');
    expect(answer).toContain('There are several ways to train.');
  });
});
