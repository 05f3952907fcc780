import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configMarkdownTable, describeConfig } from '../../src/config/index.js';

describe('configuration docs', () => {
  it('docs/configuration.md carries the configuration table generated from the zod schema', () => {
    const page = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    expect(page).toContain(configMarkdownTable());
  });

  it('.env.example names every configuration variable and holds no secret values', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    for (const { name } of describeConfig()) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
    for (const line of example.split('\n').filter((l) => /^(?:\w*TOKEN|\w*KEY|\w*SECRET)=/.test(l))) expect(line).toMatch(/=$/);
  });
});
