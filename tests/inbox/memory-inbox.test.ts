import { MemoryInbox, MemoryInboxStorage } from '../../src/inbox/index.js';
import { describeInboxContract } from './inbox-contract.js';

describeInboxContract('memory', async () => {
  const storage = new MemoryInboxStorage();
  return { open: async () => new MemoryInbox(storage) };
});
