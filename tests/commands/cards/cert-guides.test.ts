import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, renderText, type CommandHandler } from '../../../src/commands/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { CODING_GUIDE, MARKUP, PHARMACY_GUIDE, twoGuideKnowledgeDir } from '../../helpers/two-guides.js';

describe('cert with both guides loaded', () => {
  let handler: CommandHandler;
  beforeAll(async () => {
    handler = createCommandHandler(await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: twoGuideKnowledgeDir() }) }));
  });
  const send = (text: string) => handler.handle({ text, conversationId: 'c', userId: 'u', platform: 'cli' });

  it('cert X builds the card from the guide that defines X, citing only that guide', async () => {
    for (const [acronym, source, organization] of [['CPhT', PHARMACY_GUIDE, 'PTCB'], ['CPC', CODING_GUIDE, 'AAPC']] as const) {
      const result = await send(`cert ${acronym}`);
      expect(result.kind).toBe('cert');
      if (result.kind !== 'cert') continue;
      expect(result.card).toMatchObject({ acronym, organization });
      expect(result.card.citations.every((c) => c.source === source), acronym).toBe(true);
      expect(renderText(result)).not.toMatch(MARKUP);
    }
  });

  it('compares credentials of different guides, and lists both guides’ credentials', async () => {
    const compare = await send('cert compare CPhT CPC');
    expect(compare.kind).toBe('cert-compare');
    const list = await send('cert list');
    if (list.kind === 'cert-list') expect(list.certifications.map((c) => c.acronym)).toEqual(expect.arrayContaining(['CPhT', 'CPC']));
  });
});
