import type { APIEmbed } from 'discord.js';
import type { CertCard } from '../../../src/commands/types.js';
import type { Citation } from '../../../src/answer/index.js';
import { guideNote, sourceLines } from './answer.js';
import { linesToFields, packMessages } from './embed-layout.js';
import { BOT_NAME, COLORS } from './style.js';
import type { Rendered } from './types.js';

/** One certification card as an embed: summary, organization, focus, related lines, sources. */
export function certEmbed(card: CertCard, options: { sources?: boolean } = {}): APIEmbed {
  const summaryCite = card.citations[0] ? ` [${card.citations[0].n}]` : '';
  return {
    color: COLORS.answer,
    title: `${card.acronym} — ${card.name}`,
    description: `${card.summary}${card.summary.includes('[') ? '' : summaryCite}`,
    fields: [
      { name: 'Organization', value: organization(card), inline: true },
      ...(card.level ? [{ name: 'Level', value: card.level, inline: true }] : []),
      { name: 'Focus', value: card.focus.length ? card.focus.join(', ') : '—', inline: true },
      ...linesToFields('Good to know', card.related.map((r) => `• ${r.text} [${r.n}]`)),
      ...(options.sources === false ? [] : linesToFields('Sources', sourceLines(card.citations))),
    ],
    footer: { text: [BOT_NAME, 'certification card', guideNote(card.citations)].filter(Boolean).join(' · ') },
  };
}

function organization(card: CertCard): string {
  if (!card.organization) return '—';
  return card.organizationName && card.organizationName !== card.organization ? `${card.organization} (${card.organizationName})` : card.organization;
}

export function renderCert(card: CertCard): Rendered {
  return { messages: packMessages([certEmbed(card)]), ephemeral: false };
}

/** Two cards and the differences between them. */
export function renderCertCompare(left: CertCard, right: CertCard, differences: readonly string[], citations?: readonly Citation[]): Rendered {
  const summary: APIEmbed = {
    color: COLORS.answer,
    title: `${left.acronym} vs ${right.acronym}`,
    fields: linesToFields('Differences', differences.length ? differences.map((d) => `• ${d}`) : ['No differences found in the guide.']),
  };
  // One numbering across both cards: the sources are listed once, after them.
  const shared = citations ? [certEmbed(left, { sources: false }), certEmbed(right, { sources: false }), sourcesEmbed(citations)] : [certEmbed(left), certEmbed(right)];
  return { messages: packMessages([summary, ...shared]), ephemeral: false };
}

function sourcesEmbed(citations: readonly Citation[]): APIEmbed {
  const guide = guideNote(citations);
  return { color: COLORS.muted, fields: linesToFields('Sources', sourceLines(citations)), ...(guide ? { footer: { text: guide } } : {}) };
}

/** The certifications the guide knows, e.g. after an unknown acronym. */
export function renderCertList(message: string, certifications: ReadonlyArray<{ acronym: string; name: string }>): Rendered {
  const embed: APIEmbed = {
    color: COLORS.muted,
    title: 'Certifications',
    description: message,
    fields: linesToFields('Known certifications', certifications.map((c) => `**${c.acronym}** — ${c.name}`)),
    footer: { text: 'Try /cert code:CPC or /cert code:CPC compare:CCS' },
  };
  return { messages: packMessages([embed]), ephemeral: false };
}
