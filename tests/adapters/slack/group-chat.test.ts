import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';
import { blockAction, postSignedToApp, slashCommand, type RecordedResponse } from '../../fakes/slack/index.js';
import { blockText, buttons, realCommands, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

afterEach(async () => {
  await h?.close();
});

/** Runs `/career <text>` with the real Bolt app; returns the response URL id and the first reply. */
async function career(text: string): Promise<{ id: string; first: RecordedResponse }> {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const response = await postSignedToApp(h.port, slashCommand({ text, response_url: h.api.responseUrl(id) }), SIGNING_SECRET);
  expect(response.status).toBe(200);
  return { id, first: await h.api.waitForResponse(id) };
}

describe('Slack app as a member of a group chat (real Bolt against the fake)', () => {
  it('plain language reaches the comparison card, each cited source listed once', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const { first } = await career('CPC or CCS?');
    const text = blockText(first);
    expect(text).toContain('*CPC*\nCertified Professional Coder');
    expect(text).toContain('*Differences*');
    expect(h.commands.requests.at(-1)?.text).toBe('CPC or CCS?');
  });

  it('a question asked while a plan waits is answered, then the plan question is asked again', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    await career('plan');
    const { id, first } = await career('what does a CPC exam cost?');
    expect(blockText(first)).not.toMatch(/Career plan — question/);
    const resumed = await h.api.waitForResponse(id, (r) => blockText(r).includes('Back to your career plan'));
    expect(blockText(resumed)).toMatch(/Back to your career plan: What education do you have/);
    const { first: next } = await career('I have a high school diploma');
    expect(blockText(next)).toMatch(/question 2 of/);
  });

  it('a one-line plan is checked before it is built: a correction updates it, a question is answered, "yes" builds', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const { first: check } = await career('plan I have a high school diploma, no experience and no certification, 10 hours a week, want remote work');
    expect(blockText(check)).toContain('Career plan — check before I build it');
    expect(blockText(check)).toMatch(/Here is what I understood: education: high school diploma or GED; .*certification: none yet; time: 10 hours a week; goal: remote work\./);
    expect(blockText(check)).toMatch(/Reply \*yes\* to build the plan, or correct any part/);

    const { first: corrected } = await career('goal: management');
    expect(blockText(corrected)).toMatch(/Updated\. Here is what I understood: .*goal: management\./);

    const { id, first: answered } = await career('what does a CPC exam cost?');
    expect(blockText(answered)).not.toContain('check before I build it');
    const resumed = await h.api.waitForResponse(id, (r) => blockText(r).includes('Back to your career plan'));
    expect(blockText(resumed)).toMatch(/Back to your career plan: Here is what I understood: .*goal: management\./);

    const { first: plan } = await career('yes');
    expect(blockText(plan)).toContain('Your career plan');
    expect(blockText(plan)).toMatch(/10 hours a week/);
    expect(blockText(plan)).toMatch(/Lead a [a-z ]*department/);
  });

  it('a refusal offers two or three suggestions as buttons; a click asks one in the clicker’s name', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const { first } = await career("what's the weather in Paris tomorrow?");
    const suggestions = buttons(first).filter((b) => /^suggestion_\d$/.test(b.action_id));
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions.map((s) => s.text)).toEqual(suggestions.map((s) => s.value));

    const id = `click-${Math.random().toString(36).slice(2)}`;
    const body = blockAction({ ...suggestions[0]!, user: 'U0CAROL', response_url: h.api.responseUrl(id) });
    expect((await postSignedToApp(h.port, body, SIGNING_SECRET)).status).toBe(200);
    // The reply goes into the refusal's thread (chat.postMessage), or through the click's response URL.
    const posted = await Promise.race([h.api.waitForCall('chat.postMessage'), h.api.waitForResponse(id)]);
    expect(blockText(posted).length).toBeGreaterThan(20);
    expect(h.commands.requests.at(-1)).toMatchObject({ text: suggestions[0]!.value, userId: 'U0CAROL', platform: 'slack' });
  });
});
