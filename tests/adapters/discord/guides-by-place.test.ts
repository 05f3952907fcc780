import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODING_GUIDE, PHARMACY_GUIDE, twoGuideKnowledgeDir } from '../../helpers/two-guides.js';
import { bodyOf, replyTo, startHarness, visibleText, type Harness } from './harness.js';

/** Two guides loaded; the fake's guild may use only the pharmacy guide (GUIDES_BY_PLACE), with the real discord.js client. */
describe('Discord: GUIDES_BY_PLACE keeps a server to its guides, and sources name the guide', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: (fake) => ({ KNOWLEDGE_DIR: twoGuideKnowledgeDir(), GUIDES_BY_PLACE: `discord:${fake.guild.id}=${PHARMACY_GUIDE}` }) });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function ask(question: string) {
    const incoming = h.fake.messageCreate({ content: `<@${h.fake.bot.id}> ${question}` });
    await h.fake.dispatch('MESSAGE_CREATE', incoming);
    return bodyOf(await replyTo(h.fake, incoming.id));
  }

  it('passes the server and channel to the command layer and answers only from the server’s guide', async () => {
    const body = await ask('What certifications can I earn?');
    expect(h.handler.requests.at(-1)).toMatchObject({ platform: 'discord', place: { workspace: h.fake.guild.id, channel: h.fake.textChannel.id } });
    const result = h.handler.results.at(-1)!;
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.answer.citations.length).toBeGreaterThan(0);
    expect(result.answer.citations.every((c) => c.source === PHARMACY_GUIDE)).toBe(true);
    // The sources shown in Discord name the guide's title.
    const pharmacyTitle = h.advisor.index.documents.find((d) => d.source === PHARMACY_GUIDE)!.title;
    expect(visibleText(body)).toContain(pharmacyTitle);
  });

  it('a coding question asked in that server is not answered from the coding guide', async () => {
    await ask('How much do entry-level coders make?');
    const result = h.handler.results.at(-1)!;
    const cited = result.kind === 'answer' ? [...result.answer.citations, ...(result.answer.related ?? [])].map((c) => c.source) : [];
    expect(cited).not.toContain(CODING_GUIDE);
  });
});
