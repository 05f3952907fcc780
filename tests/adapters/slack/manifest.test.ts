import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENTS_PATH, SLASH_COMMAND } from '../../../adapters/slack/index.js';

const manifest = readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8');

/** The items of the YAML list under `key:` (a simple reader: the manifest is plain block YAML). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim().startsWith('#')) continue;
    const item = /^\s*- (\S+)$/.exec(line);
    if (!item) break;
    items.push(item[1]!);
  }
  return items;
}

describe('adapters/slack/manifest.yml', () => {
  it('declares the slash command, events and interactivity the app listens for', () => {
    expect(manifest).toContain(`- command: ${SLASH_COMMAND}\n`);
    expect(listUnder('bot_events')).toEqual(['app_mention', 'message.im']);
    expect(manifest).toMatch(/interactivity:\n(?:\s+#.*\n)*\s+is_enabled: true/);
    expect(manifest).toMatch(/messages_tab_enabled: true/);
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url.endsWith(EVENTS_PATH)).toBe(true);
  });

  it('asks for only the scopes the app uses', () => {
    expect(listUnder('bot')).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
  });
});
