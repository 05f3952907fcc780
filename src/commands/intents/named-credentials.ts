import type { KnowledgeIndex } from '../../index/index.js';
import { certificationRecords, type CertRecord } from '../cards/certifications.js';
import { escapeRegExp } from '../../text/index.js';
import { acronymPattern } from '../guide/text-match.js';

/** A message with the guide's credentials found and masked as X, Y, … (so intent shapes fit any guide). */
export interface CredentialMentions {
  records: CertRecord[];
  masked: string;
}

const PLACEHOLDERS = ['X', 'Y', 'Z'];

/** Where a credential is named in the text: its full name, or its acronym as a whole token (any case). */
function mentionOf(text: string, record: CertRecord): { at: number; length: number } | undefined {
  const patterns = [new RegExp(`\\b${escapeRegExp(record.card.name)}\\b`, 'i'), acronymPattern(record.card.acronym, 'i')];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return { at: match.index, length: match[0].length };
  }
  return undefined;
}

/** The credentials (from the guide's own list) a message names, in order, with each masked by a placeholder. */
export function credentialMentions(text: string, index: Pick<KnowledgeIndex, 'documents' | 'glossary'>): CredentialMentions {
  const found = certificationRecords(index)
    .map((record) => ({ record, mention: mentionOf(text, record) }))
    .filter((f): f is { record: CertRecord; mention: { at: number; length: number } } => f.mention !== undefined)
    .sort((a, b) => a.mention.at - b.mention.at || b.mention.length - a.mention.length)
    // A full name contains its words; keep the first, longest mention at each place.
    .filter((f, i, all) => i === 0 || f.mention.at >= all[i - 1]!.mention.at + all[i - 1]!.mention.length);
  let masked = text;
  for (const [i, f] of [...found.entries()].reverse()) {
    masked = masked.slice(0, f.mention.at) + (PLACEHOLDERS[i] ?? 'X') + masked.slice(f.mention.at + f.mention.length);
  }
  return { records: found.map((f) => f.record), masked };
}

/** "X or Y?", "X vs Y", "difference between X and Y": the pair shape on a masked message. */
export function hasComparisonShape(masked: string): boolean {
  const t = masked.trim().replace(/[?!.\s]+$/, '');
  if (/\bdifferen(?:ce|ces|t)\b[^]*\bX\b[^]*\b(?:and|from|vs\.?|versus)\s+(?:the\s+)?Y\b/i.test(t)) return true;
  return /^(?:(?:the|a|an)\s+)?X\s+(?:or|vs\.?|versus)\s+(?:(?:the|a|an)\s+)?Y$/i.test(t);
}
