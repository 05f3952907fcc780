import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { appMentionEvent, eventCallback, FAKE_IDS, jsonBody, postSignedToApp } from '../../fakes/slack/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { CODING_GUIDE, PHARMACY_GUIDE, twoGuideKnowledgeDir } from '../../helpers/two-guides.js';
import { blockText, realCommands, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

/** Two guides loaded; the fake workspace may use only the coding guide, except one channel given the pharmacy guide. */
describe('Slack: GUIDES_BY_PLACE keeps a workspace or channel to its guides (real Bolt App, HTTP mode)', () => {
  const PHARMACY_CHANNEL = 'C0PHARMACY';
  let advisor: CareerAdvisor;
  let h: SlackHarness;
  beforeAll(async () => {
    const GUIDES_BY_PLACE = `slack:${FAKE_IDS.teamId}=${CODING_GUIDE}; slack:${FAKE_IDS.teamId}/${PHARMACY_CHANNEL}=${PHARMACY_GUIDE}`;
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: twoGuideKnowledgeDir(), GUIDES_BY_PLACE }) });
  });
  afterEach(async () => {
    await h?.close();
  });

  async function mention(text: string, channel: string) {
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${text}`, channel });
    const response = await postSignedToApp(h.port, jsonBody(eventCallback(event)), SIGNING_SECRET);
    expect(response.status).toBe(200);
    return h.commands.results.at(-1)!;
  }
  const sources = (result: Awaited<ReturnType<typeof mention>>) => (result.kind === 'answer' ? [...result.answer.citations, ...(result.answer.related ?? [])].map((c) => c.source) : []);

  it('a channel entry wins over the workspace entry; each answer cites only its place’s guide, and the post names the guide', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const inWorkspace = await mention('What certifications can I earn?', FAKE_IDS.channelId);
    expect(h.commands.requests.at(-1)).toMatchObject({ place: { workspace: FAKE_IDS.teamId, channel: FAKE_IDS.channelId } });
    expect(sources(inWorkspace).length).toBeGreaterThan(0);
    expect(sources(inWorkspace).every((s) => s === CODING_GUIDE)).toBe(true);

    const inPharmacyChannel = await mention('What certifications can I earn?', PHARMACY_CHANNEL);
    expect(sources(inPharmacyChannel).length).toBeGreaterThan(0);
    expect(sources(inPharmacyChannel).every((s) => s === PHARMACY_GUIDE)).toBe(true);
    const pharmacyTitle = advisor.index.documents.find((d) => d.source === PHARMACY_GUIDE)!.title;
    expect(blockText(h.api.callsTo('chat.postMessage').at(-1)!)).toContain(pharmacyTitle);
  });
});
