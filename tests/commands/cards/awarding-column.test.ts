import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, type CommandHandler } from '../../../src/commands/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { tempDir } from '../../helpers/temp-dir.js';

// The blind HVAC guide's certification table spells its awarding body out with the acronym in one
// cell ("| NATE Ready-to-Work | North American Technician Excellence (NATE) | …"): the card for that
// acronym names the body from the column instead of "not stated in the guide".
const GUIDE = 'hvac-technician-guide.md';

describe('cert: an awarding body spelled out with its acronym in the organisation column', () => {
  let handler: CommandHandler;
  beforeAll(async () => {
    const dir = tempDir('career-advisor-awarding-column-');
    copyFileSync(fileURLToPath(new URL(`../../../eval/hvac-technician/${GUIDE}`, import.meta.url)), join(dir, GUIDE));
    handler = createCommandHandler(await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) }));
  });

  it('names the body from the column, acronym and full name', async () => {
    const card = await handler.handle({ text: 'cert NATE', conversationId: 'nate', userId: 'u', platform: 'cli' });
    expect(card.kind).toBe('cert');
    if (card.kind === 'cert') expect(card.card).toMatchObject({ acronym: 'NATE', organization: 'NATE', organizationName: 'North American Technician Excellence' });
  });
});
