import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { CommandAdvisor } from '../registry.js';
import type { CertRecord } from '../cards/certifications.js';
import { startsLikeFollowUp } from '../../answer/index.js';
import { QUALITY } from '../../quality/index.js';
import { credentialMentions, hasComparisonShape } from './named-credentials.js';
import { nearestIntent } from './nearest-intent.js';

/** What a plain-language message asks for, when it asks for a feature rather than an answer. */
export type Intent =
  | { kind: 'compare'; left: CertRecord; right: CertRecord }
  | { kind: 'define'; record: CertRecord }
  | { kind: 'quiz'; topic?: string }
  | { kind: 'chat' };

/** "quiz me on salaries" → "salaries": the words after the last "on/about/of/in". */
function quizTopic(text: string): string | undefined {
  const match = /\b(?:on|about|of|in|for)\s+(?:the\s+)?([^?!.]{1,60})[?!.]*$/i.exec(text.trim());
  return match?.[1]?.trim() || undefined;
}

/**
 * Reads a message that is no command: two credentials of the guide in a comparison shape (or
 * phrased like a comparison) → compare; one credential phrased like "what is X" → its card; a
 * message closest to the quiz or chit-chat exemplars → a quiz or a short reply. Undefined means
 * it is an ordinary question. The evidence is the answer embedder's similarity to the exemplars.
 */
export async function readIntent(typed: string, advisor: Pick<CommandAdvisor, 'index' | 'retriever'>, embeddings: EmbeddingsInterface = advisor.retriever.embedder): Promise<Intent | undefined> {
  // Read as the answer path reads it ("rhit" as "RHIT"), so the message is embedded once for both.
  const text = advisor.retriever.catalog.truecase(typed);
  const { records, masked } = credentialMentions(text, advisor.index);
  const [left, right] = records;
  if (records.length === 2 && left !== right && hasComparisonShape(masked)) return { kind: 'compare', left: left!, right: right! };
  const nearest = await nearestIntent(masked, advisor.retriever.embedder, embeddings);
  if (nearest.margin < QUALITY.intents.minMargin) return undefined;
  if (records.length === 2 && nearest.intent === 'compare') return { kind: 'compare', left: left!, right: right! };
  if (records.length === 1 && nearest.intent === 'define') return { kind: 'define', record: left! };
  if (records.length > 0) return undefined;
  if (nearest.intent === 'quiz') return { kind: 'quiz', topic: quizTopic(text) };
  // "and then?" continues the conversation, and so does a question that is only nearest to chit-chat
  // ("anything working against it?"); neither is chit-chat.
  if (nearest.intent === 'chat' && nearest.similarity >= QUALITY.intents.minChatSimilarity && !startsLikeFollowUp(text)) return { kind: 'chat' };
  return undefined;
}
