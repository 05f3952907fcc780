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
