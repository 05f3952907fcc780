import { citeOnce, markersIn, renumberMarkers, SourceNumbering } from '../../answer/index.js';
import type { CertCard, CommandResult, PlanStep } from '../types.js';

type Of<K extends CommandResult['kind']> = Extract<CommandResult, { kind: K }>;

/** A card renumbered into the reply's numbering: its defining line's source first, then what its lines cite. */
function unifyCard(card: CertCard, numbering: SourceNumbering): CertCard {
  const renumber = numbering.renumberer(card.citations);
  const summaryN = card.citations[0] ? renumber(card.citations[0].n) : undefined;
  const related = card.related.map((r) => ({ ...r, n: renumber(r.n) }));
  const numbers = [...(summaryN === undefined ? [] : [summaryN]), ...related.map((r) => r.n)];
  const citations = numbering.cited(numbers);
  // The defining line's source leads, as every renderer reads the summary's citation first.
  citations.sort((a, b) => (a.n === summaryN ? -1 : b.n === summaryN ? 1 : a.n - b.n));
  return { ...card, related: related.filter((r, i) => related.findIndex((o) => o.text === r.text) === i), citations };
}

function unifyPlan(result: Of<'plan'>): Of<'plan'> {
  const numbering = new SourceNumbering();
  const renumber = numbering.renumberer(result.citations);
  const steps: PlanStep[] = result.steps.map((s) => ({ ...s, cites: [...new Set(s.cites.map(renumber))], detail: renumberMarkers(s.detail, renumber) }));
  const summary = renumberMarkers(result.summary, renumber);
  const citations = numbering.cited([...steps.flatMap((s) => s.cites), ...markersIn(summary, ...steps.map((s) => s.detail))]);
  return { ...result, summary, steps, citations };
}

function unifyCompare(result: Of<'cert-compare'>): Of<'cert-compare'> {
  const numbering = new SourceNumbering();
  const left = unifyCard(result.left, numbering);
  const right = unifyCard(result.right, numbering);
  const citations = numbering.cited([...left.citations, ...right.citations].map((c) => c.n));
  return { ...result, left, right, citations };
}

/**
 * Every reply lists each source once: one number per section across the whole reply (cards
 * and plans included), only the sources its text cites. Front ends render the result as given,
 * so the Sources list and the Sources button agree.
 */
export function unifySources(result: CommandResult): CommandResult {
  switch (result.kind) {
    case 'answer':
      return { ...result, answer: citeOnce(result.answer) };
    case 'cert':
      return { ...result, card: unifyCard(result.card, new SourceNumbering()) };
    case 'cert-compare':
      return unifyCompare(result);
    case 'plan':
      return unifyPlan(result);
    default:
      return result;
  }
}
