import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReportCommand } from '../../../adapters/cli/commands/report.js';
import { createCommandHandler } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { reportSchema } from '../../../src/report/index.js';
import { AdvisorService } from '../../../src/service/index.js';
import { openStore } from '../../../src/store/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { eventCallback, imMessageEvent, jsonBody, postSignedToApp } from '../../fakes/slack/index.js';
import { SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness | undefined;
beforeAll(async () => {
  advisor = await openTestAdvisor();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Sends a DM as Alice and waits until the bot has handled it; returns the reply's kind. */
async function dm(harness: SlackHarness, text: string): Promise<string> {
  const before = harness.commands.results.length;
  const response = await postSignedToApp(harness.port, jsonBody(eventCallback(imMessageEvent({ text, user: 'U0ALICE' }))), SIGNING_SECRET);
  expect(response.status).toBe(200);
  await vi.waitFor(() => expect(harness.commands.results.length).toBe(before + 1), { timeout: 10_000 });
  return harness.commands.results[before]!.kind;
}

/** `career-advisor report --json` over the store file, as an operator would run it. */
async function reportJson(storePath: string): Promise<unknown> {
  const out: string[] = [];
  const command = createReportCommand({ env: { STORE_PATH: storePath }, stdout: (t) => void out.push(t), stderr: () => undefined });
  expect(await command.run(['--json', '--days', '1'])).toBe(0);
  return JSON.parse(out.join(''));
}

describe('Slack → store → report: card, quiz and plan use is counted', () => {
  it('a card, a comparison, a quiz and a plan in a DM show up in `report --json`', async () => {
    const config = testConfig();
    const store = openStore({ path: config.storePath, retentionDays: 30 });
    const service = new AdvisorService({ config, advisor, commands: createCommandHandler(advisor, { quizSeed: 'usage-e2e' }), store });
    h = await startHttpHarness({ advisor, commands: service });

    expect(await dm(h, 'cert list')).toBe('cert-list');
    const list = h.commands.results[0]!;
    const [a, b] = list.kind === 'cert-list' ? list.certifications.map((c) => c.acronym) : [];
    expect(await dm(h, `cert ${a}`)).toBe('cert');
    expect(await dm(h, `what's the difference between ${a} and ${b}?`)).toBe('cert-compare');
    expect(await dm(h, 'quiz 1')).toBe('quiz-question');
    expect(await dm(h, 'B')).toBe('quiz-round');
    for (const text of ['plan', 'high school diploma', 'no experience yet']) expect(await dm(h, text)).toBe('plan-question');
    expect(await dm(h, 'I want a stable remote job')).toBe('plan-question');
    expect(await dm(h, 'yes')).toBe('plan');
    await service.close();

    const report = reportSchema.parse(await reportJson(config.storePath));
    const slackOnce = { count: 1, users: 1, platforms: [{ platform: 'slack', count: 1 }] };
    expect(report.featureUse).toEqual([
      { feature: 'card', action: 'shown', ...slackOnce },
      { feature: 'card', action: 'compared', ...slackOnce },
      { feature: 'plan', action: 'started', ...slackOnce },
      { feature: 'plan', action: 'finished', ...slackOnce },
      { feature: 'quiz', action: 'started', ...slackOnce },
      { feature: 'quiz', action: 'answered', ...slackOnce },
      { feature: 'quiz', action: 'finished', ...slackOnce },
    ]);
  });
});
