import { randomBytes } from 'node:crypto';

/**
 * Stable, realistic-looking Slack IDs shared by every fake, so payload builders and the fake Web API's
 * `auth.test` agree on who the bot is (Bolt's `ignoreSelf` middleware drops events whose `user` is the bot).
 */
export const FAKE_IDS = {
  teamId: 'T0FAKETEAM',
  teamDomain: 'fake-team',
  appId: 'A0FAKEAPP',
  botUserId: 'U0FAKEBOT',
  botId: 'B0FAKEBOT',
  userId: 'U0HUMAN01',
  userName: 'alex',
  channelId: 'C0GENERAL',
  channelName: 'general',
  dmChannelId: 'D0DIRECT01',
} as const;

let tsCounter = 0;

/** A unique, increasing Slack message timestamp such as `1712345678.000042`. */
export function nextTs(): string {
  tsCounter += 1;
  const seconds = Math.floor(Date.now() / 1000);
  return `${seconds}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
}

/** A random Slack-style ID with the given prefix, e.g. `randomId('Ev')` → `Ev0A1B2C3D4E`. */
export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;
}
