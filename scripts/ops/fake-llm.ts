import { messageText, type ChatCompletionRequest, type ChatReply } from '../../tests/fakes/openai/index.js';

/**
 * A well-behaved model for the fake OpenAI server: it answers with the guide line that shares the
 * most words with the question, cited as the excerpt it came from (structured output), so the
 * bot's citation check accepts it. With no excerpt it abstains.
 */
export function groundedReply(request: ChatCompletionRequest): ChatReply {
  const system = messageText(request.messages.find((m) => m.role === 'system') ?? { role: 'system', content: '' });
  const users = request.messages.filter((m) => m.role === 'user');
  const question = users.length > 0 ? messageText(users[users.length - 1]!) : '';
  if (isRewriteRequest(request)) return standaloneReply(question);
  const terms = new Set(words(question));
  let best: { id: number; line: string; score: number } | undefined;
  for (const block of system.split(/\n(?=\[\d+\] )/)) {
    const header = /^\[(\d+)\] .*\n/.exec(block);
    if (!header) continue;
    for (const raw of block.slice(header[0].length).split('\n')) {
      const line = raw.replace(/[*_#`>[\]]/g, '').replace(/^\s*-\s*/, '').trim();
      if (line.length < 12) continue;
      const score = words(line).filter((w) => terms.has(w)).length;
      if (!best || score > best.score) best = { id: Number(header[1]), line, score };
    }
  }
  if (!best) return { json: { answer: '', cited: [], abstained: true } };
  return { json: { answer: `${best.line} [${best.id}]`, cited: [best.id], abstained: false } };
}

/** True for the follow-up rewriting call (the standalone-question prompt), not an answer. */
export function isRewriteRequest(request: ChatCompletionRequest): boolean {
  const system = request.messages.find((m) => m.role === 'system');
  return system !== undefined && /standalone question/i.test(messageText(system));
}

/**
 * The rewrite a simple model gives: the follow-up with the subject of the last earlier question
 * appended ("And the one for physician offices?" + "Which AHIMA credential is for inpatient coding?").
 */
export function standaloneReply(prompt: string): ChatReply {
  const earlier = [...prompt.matchAll(/^- (.+)$/gm)].map((m) => m[1]!);
  const followUp = /Follow-up question: (.+)/.exec(prompt)?.[1]?.trim() ?? '';
  const last = earlier.at(-1);
  return { content: last ? `${followUp.replace(/\?$/, '')}, in the context of: ${last}` : followUp };
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9$][a-z0-9$,.-]{2,}/g)?.map((w) => w.replace(/[.,]+$/, '')) ?? [];
}

/** Environment for a bot using the fake (or any) OpenAI-compatible endpoint at `baseURL`, with short time limits. */
export function llmEnv(baseURL: string): Record<string, string> {
  return {
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: baseURL,
    OPENAI_API_KEY: 'fake-key',
    LLM_TIMEOUT_MS: '2000',
    LLM_DEADLINE_MS: '5000',
    LLM_MAX_RETRIES: '1',
  };
}
