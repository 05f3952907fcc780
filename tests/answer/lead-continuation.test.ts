import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openAdvisorOnGuide } from '../helpers/test-advisor.js';

// A question's best match is often the sentence that sets up what its paragraph then answers:
// the answer carries that sentence on with the next one of the same paragraph, for every line it quotes.
describe('a lead sentence and the one that carries it on', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    const guide = [
      '# Beekeeper Guide',
      '## Common Challenges',
      '**Problem:** colonies swarm every spring and the keeper loses half the bees.\n**Solution:** split strong hives in April and add a super before the flow.',
      '**Problem:** varroa mites weaken the colonies before winter.\n**Solution:** count mites in August and treat with oxalic acid when the brood is gone.',
      '## Hive Care',
      '- Inspections: once a week in summer',
      '- Feeding: sugar syrup in autumn',
    ].join('\n\n');
    advisor = await openAdvisorOnGuide('beekeeper.md', guide);
  });

  it('quotes the next sentence of the lead’s paragraph with it', async () => {
    const reply = await advisor.ask('My colonies swarm every spring and I lose half the bees, help?');
    expect(reply.abstained).toBe(false);
    const first = reply.answer.split('\n')[0]!;
    expect(first).toMatch(/^Problem: colonies swarm every spring.*Solution: split strong hives in April/);
    expect(reply.citations[0]!.quote).toContain('Solution: split strong hives in April');
  });

  it('carries on every quoted sentence that sets up its paragraph, not only the lead', async () => {
    const reply = await advisor.ask('My colonies swarm every spring and varroa mites weaken them before winter, what do keepers do?');
    expect(reply.abstained).toBe(false);
    expect(reply.answer).toMatch(/Problem: colonies swarm every spring.*Solution: split strong hives/);
    expect(reply.answer).toMatch(/Problem: varroa mites weaken the colonies.*Solution: count mites in August/);
  });

  it('does not join a list item to the next one', async () => {
    const reply = await advisor.ask('How often are hive inspections in summer?');
    expect(reply.answer.split('\n')[0]).not.toContain('Feeding');
  });
});

// A challenge with how to handle it nested under it, and a question the guide asks itself with its
// answer in the next paragraph: the line that matches sets up the line that answers.
describe('a list item with the item nested under it, and a question with its answer', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    const guide = [
      '# Beekeeper Guide',
      '## Common Challenges',
      '* **Summer heat** — hives overheat in July and the bees stop foraging.\n  * Shade the hives at noon, give them water within 50 feet and add a screened bottom board.\n* **Robbing**\n  * Narrow the entrances in late summer.',
      '## FAQ',
      '**Q:** Is it too late to start beekeeping at 60?',
      '**A:** No. Retirees are common among keepers and patience is an advantage.',
      '**Q:** Do I need a licence to keep bees?',
      '**A:** Most states ask keepers to register their hives each year.',
      '**Q:** How long until I can manage an apiary on my own?',
      '**A:** Plan on 2 to 3 years of mentoring first.',
      '## Training',
      'Beginner courses on how to manage an apiary take 6 to 8 weeks of evening classes.',
    ].join('\n\n');
    advisor = await openAdvisorOnGuide('beekeeper-nested.md', guide);
  });

  it('quotes the item nested under the matching challenge with it', async () => {
    const reply = await advisor.ask('my hives overheat every July and the bees stop foraging, what do i do?');
    expect(reply.abstained).toBe(false);
    expect(reply.answer.split('\n')[0]).toMatch(/Summer heat.*Shade the hives at noon/);
  });

  it('quotes the answer that follows a question the guide asks', async () => {
    const reply = await advisor.ask("I'm 60, is that too late to get into beekeeping?");
    expect(reply.abstained).toBe(false);
    expect(reply.answer).toContain('Retirees are common among keepers');
  });

  it('reads the question the guide asks as the title of the answer after it', async () => {
    const reply = await advisor.ask('how long before i can manage an apiary on my own?');
    expect(reply.abstained).toBe(false);
    expect(reply.answer.split('\n')[0]).toContain('2 to 3 years');
  });

  it('carries an item on with its own nested item only, not with the next item at its level', async () => {
    const reply = await advisor.ask('what do keepers do about robbing?');
    const first = reply.answer.split('\n')[0]!;
    expect(first).toMatch(/^Robbing Narrow the entrances in late summer\./);
    expect(first).not.toContain('Summer heat');
  });
});

// A challenge set as a short bold statement of its own, then a paragraph that opens with a label to
// say how to handle it ("*What helps:* …"): the statement matches, the labelled paragraph answers.
describe('a short statement and the labelled paragraph after it', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    const guide = [
      '# Beekeeper Guide',
      '## Challenges and How to Handle Them',
      '**Stings on the hands during inspections.**',
      '*What helps:* wear nitrile gloves, move slowly, and smoke the entrance two minutes before opening.',
      '**Neighbours who complain about swarms.**',
      '*What helps:* talk to them before the season, give them a jar of honey, and keep a swarm trap ready.',
      '## Equipment',
      'A smoker, a hive tool and a veil are the basic kit for every keeper and cost about $120 together.',
    ].join('\n\n');
    advisor = await openAdvisorOnGuide('beekeeper-statements.md', guide);
  });

  it('quotes the labelled paragraph with the statement it answers, not the next statement', async () => {
    const reply = await advisor.ask('what helps with stings on the hands during inspections?');
    expect(reply.abstained).toBe(false);
    const first = reply.answer.split('\n')[0]!;
    expect(first).toMatch(/Stings on the hands during inspections\..*What helps: wear nitrile gloves/);
    expect(first).not.toContain('Neighbours');
  });
});
