import { describe, expect, it } from 'vitest';
import { HashingEmbeddings, RequestEmbeddings } from '../../src/embeddings/index.js';
import { CountingEmbeddings } from '../helpers/counting-embeddings.js';

describe('RequestEmbeddings', () => {
  it('embeds each exact text once, whichever method asks for it', async () => {
    const model = new CountingEmbeddings();
    const request = new RequestEmbeddings(model);
    const first = await request.embedQuery('how much do coders make?');
    const views = await request.embedDocuments(['how much do coders make?', 'and where do they work?']);
    expect(await request.embedQuery('and where do they work?')).toEqual(views[1]);
    expect(views[0]).toEqual(first);
    expect(model.calls).toEqual([['how much do coders make?'], ['and where do they work?']]);
  });

  it('gives the wrapped model’s vectors and identity', async () => {
    const model = new HashingEmbeddings();
    const request = new RequestEmbeddings(model);
    expect(request.id).toBe(model.id);
    expect(await request.embedQuery('certification exam')).toEqual(await model.embedQuery('certification exam'));
    expect(await request.embedDocuments(['a b c', 'a b c'])).toEqual(await model.embedDocuments(['a b c', 'a b c']));
  });

  it('treats a text that differs in any way as a new text', async () => {
    const model = new CountingEmbeddings();
    const request = new RequestEmbeddings(model);
    await request.embedQuery('what is X?');
    await request.embedQuery('what is CPC?');
    expect(model.texts()).toEqual(['what is X?', 'what is CPC?']);
  });

  it('forgets a failed embedding so a retry reaches the model again', async () => {
    const model = new CountingEmbeddings();
    let failNext = true;
    const flaky = Object.assign(Object.create(model) as CountingEmbeddings, {
      embedQuery: async (text: string) => {
        if (failNext) {
          failNext = false;
          throw new Error('model down');
        }
        return model.embedQuery(text);
      },
    });
    const request = new RequestEmbeddings(flaky);
    await expect(request.embedQuery('pay')).rejects.toThrow('model down');
    expect(await request.embedQuery('pay')).toHaveLength(256);
    expect(model.texts()).toEqual(['pay']);
  });

  it('is not shared between requests', async () => {
    const model = new CountingEmbeddings();
    await new RequestEmbeddings(model).embedQuery('pay');
    await new RequestEmbeddings(model).embedQuery('pay');
    expect(model.texts()).toEqual(['pay', 'pay']);
  });
});
