import { z } from 'zod';
import { certificationRecords, compareCertifications, lookupCertification, type CertLookup, type CertRecord } from './certifications.js';
import { indexForGuides } from '../guide/guide-scope.js';
import { cleanArgument, compactKey } from '../guide/text-match.js';
import { defineCommand, type CommandAdvisor } from '../registry.js';
import type { CertCard, CommandResult } from '../types.js';

const name = z.string().trim().min(1).max(80, 'That certification name is too long.');
const certInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('list') }),
  z.object({ mode: z.literal('lookup'), query: name }),
  z.object({
    mode: z.literal('compare'),
    // A missing name is answered in run(), with an example from the guide's own credentials.
    left: name.optional(),
    right: name.optional(),
  }),
]);
export type CertInput = z.infer<typeof certInput>;

/** "ABC XYZ", "ABC vs XYZ", "ABC and XYZ", "\"first name\" \"second name\"" → two names. */
function splitPair(text: string): [string, string] | [] {
  const quoted = [...text.matchAll(/"([^"]+)"|“([^”]+)”|'([^']+)'/g)].map((m) => (m[1] ?? m[2] ?? m[3])!.trim());
  if (quoted.length === 2) return [quoted[0]!, quoted[1]!];
  const parts = text.split(/\s*(?:,|\bvs\.?(?=\s)|\bversus\b|\band\b|\bwith\b|\bor\b)\s*/i).filter(Boolean);
  if (parts.length === 2) return [parts[0]!, parts[1]!];
  const words = text.split(/\s+/).filter(Boolean);
  return words.length === 2 ? [words[0]!, words[1]!] : [];
}

/** Reads "compare A B", "A vs B", "list" or a single name. */
export function parseCertArgs(args: string): unknown {
  const text = args.trim();
  if (!text || /^(?:list|all)$/i.test(text)) return { mode: 'list' };
  const compare = /^(?:compare|diff|versus|vs\.?)\s+(.*)$/i.exec(text);
  if (compare) {
    const [left, right] = splitPair(compare[1]!);
    return { mode: 'compare', left, right };
  }
  const versus = /^(.+?)\s+(?:vs\.?|versus)\s+(.+)$/i.exec(text);
  if (versus) return { mode: 'compare', left: versus[1], right: versus[2] };
  return { mode: 'lookup', query: text };
}

/** “cert compare A B” with the guide's first two credentials (placeholders when it has fewer). */
function compareExample(advisor: CommandAdvisor): string {
  const [a = '<A>', b = '<B>'] = certificationRecords(advisor.index).map((r) => r.card.acronym);
  return `“cert compare ${a} ${b}”`;
}

/** The card's use for the report, with the guide it comes from. */
function cardUse(action: 'shown' | 'compared', card: CertCard): NonNullable<CommandResult['usage']> {
  const guide = card.citations[0]?.source;
  return [{ feature: 'card', action, ...(guide ? { guide } : {}) }];
}

const listOf = (records: CertRecord[]) => records.map((r) => ({ acronym: r.card.acronym, name: r.card.name }));

function notFound(advisor: CommandAdvisor, query: string, lookup: Exclude<CertLookup, { kind: 'found' }>): CommandResult {
  if (lookup.kind === 'organization') {
    const org = lookup.org.acronym ? `${lookup.org.acronym} (${lookup.org.name})` : lookup.org.name;
    return { kind: 'cert-list', message: `${org} offers these certifications in the guide. Ask for one with “cert ${lookup.records[0]?.card.acronym ?? '<acronym>'}”.`, certifications: listOf(lookup.records) };
  }
  const hint = lookup.suggestions.length ? ` Did you mean ${lookup.suggestions.map((r) => r.card.acronym).join(' or ')}?` : '';
  const certifications = listOf(certificationRecords(advisor.index));
  const others = certifications.length > 0 ? ' These are the ones it covers:' : ' It defines no certifications I can show as cards; try asking about it in your own words.';
  return { kind: 'cert-list', message: `I couldn't find a certification called “${query}” in the guide.${hint}${others}`, certifications };
}

/**
 * With several guides loaded, a credential is looked up in each guide on its own, so its card
 * (organisation, related lines) comes from the guide that defines it: an exact acronym or name
 * first, then any guide's match, else the lookup over all guides (suggestions, organisations).
 */
function lookupInGuides(advisor: CommandAdvisor, query: string): CertLookup {
  const documents = advisor.index.documents;
  if (documents.length < 2) return lookupCertification(advisor.index, query);
  const key = compactKey(cleanArgument(query));
  const perGuide = documents.map((d) => lookupCertification(indexForGuides(advisor.index, [d.source]), query));
  const found = perGuide.filter((l): l is Extract<CertLookup, { kind: 'found' }> => l.kind === 'found');
  const exact = found.find((l) => compactKey(l.record.card.acronym) === key || compactKey(l.record.card.name) === key);
  return exact ?? found[0] ?? lookupCertification(advisor.index, query);
}

/** `cert ABC`, `cert <name words>`, `cert compare ABC XYZ`: cards built from the guide's glossary. */
export const certCommand = defineCommand({
  name: 'cert',
  aliases: ['certs', 'certification', 'certifications'],
  summary: 'A certification card, or two compared',
  usage: 'cert <acronym or name>  |  cert compare <A> <B>  |  cert list',
  examples: ['cert <acronym>', 'cert "<full credential name>"', 'cert compare <A> <B>', 'cert list'],
  input: certInput,
  parse: parseCertArgs,
  run(input: CertInput, { advisor }): CommandResult {
    if (input.mode === 'list') {
      const records = certificationRecords(advisor.index);
      if (records.length === 0) return { kind: 'cert-list', message: 'The loaded guide names no credentials (as a “Full Name (ACRONYM): …” bullet or an “ACRONYM: Full Name” heading), so there are no certification cards.', certifications: [] };
      const [a, b] = records.map((r) => r.card.acronym);
      const compare = b ? `, or compare two with “cert compare ${a} ${b}”` : '';
      return { kind: 'cert-list', message: `The guide covers these certifications. Ask for one with “cert ${a}”${compare}.`, certifications: listOf(records) };
    }
    if (input.mode === 'lookup') {
      const found = lookupInGuides(advisor, input.query);
      return found.kind === 'found' ? { kind: 'cert', card: found.record.card, usage: cardUse('shown', found.record.card) } : notFound(advisor, input.query, found);
    }
    if (!input.left || !input.right) return { kind: 'error', code: 'INPUT_INVALID', message: `Name two certifications to compare, e.g. ${compareExample(advisor)}.` };
    const left = lookupInGuides(advisor, input.left);
    if (left.kind !== 'found') return notFound(advisor, input.left, left);
    const right = lookupInGuides(advisor, input.right);
    if (right.kind !== 'found') return notFound(advisor, input.right, right);
    if (left.record === right.record) {
      return { kind: 'error', code: 'INPUT_INVALID', message: `Both names point to ${left.record.card.acronym}. Compare two different certifications, e.g. ${compareExample(advisor)}.` };
    }
    const differences = compareCertifications(left.record, right.record);
    return { kind: 'cert-compare', left: left.record.card, right: right.record.card, differences, usage: cardUse('compared', left.record.card) };
  },
});
