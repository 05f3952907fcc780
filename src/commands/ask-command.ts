import { z } from 'zod';
import { defineCommand } from './registry.js';

/** `ask <question>`: a cited answer from the guide. Free text that is no command lands here too. */
export const askCommand = defineCommand({
  name: 'ask',
  aliases: [],
  summary: 'Ask anything about the guide (plain text works too)',
  usage: 'ask <question>',
  examples: ['How much does someone starting out earn?', 'ask how long does the training take?'],
  input: z.object({ question: z.string().trim().min(1, 'Type a question after “ask”.') }),
  parse: (args) => ({ question: args }),
  async run({ question }, { advisor, request, guides, embeddings }) {
    const { conversationId, onToken, beforeRetrieval } = request;
    const options = { conversationId, onToken, ...(beforeRetrieval ? { beforeRetrieval } : {}), ...(guides ? { guides } : {}), ...(embeddings ? { embeddings } : {}) };
    return { kind: 'answer', answer: await advisor.ask(question, options) };
  },
});
