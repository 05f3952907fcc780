import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { formatHeadingPath } from '../../src/ingest/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { tempDir } from '../helpers/temp-dir.js';

// A guide's own subject ("beekeeper" in a beekeeper guide) is true of every section, even where the
// guide happens to write it only in a few headings: the keyword search weighs it as little as the
// rerank does, so the question's other words pick the section.
describe('words of the guide’s own subject', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    const dir = tempDir('career-advisor-subject-');
    const filler = (topic: string) => Array.from({ length: 4 }, (_, i) => `- Note ${i + 1} on ${topic}: details that matter in practice.`).join('\n');
    const md = [
      '# Beekeeper Career Guide',
      '## What Beekeepers Earn, Beekeepers Pay and Beekeepers Budget',
      'Beekeepers who sell honey earn about $30,000 a year; beekeepers budget for jars.',
      filler('pay'),
      '## Seasonal Work',
      '### Spring',
      'Spring brings swarms: add boxes early.',
      '### Winter',
      'In winter you wrap hives, feed sugar and check mouse guards.',
      filler('cold months'),
    ].join('\n\n');
    writeFileSync(join(dir, 'beekeeper.md'), md);
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) });
  });

  it('ranks the section about the asked topic above the one that repeats the subject, in the keyword order too', async () => {
    const { retrieval } = await advisor.askWithRetrieval('what do beekeepers do in winter?', {});
    expect(formatHeadingPath(retrieval!.sections[0]!.entry.section.headingPath)).toBe('Seasonal Work › Winter');
    expect(retrieval!.signals.keywordRankOfTop).toBe(1);
  });
});
