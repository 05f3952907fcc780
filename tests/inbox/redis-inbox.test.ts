import { RedisInbox } from '../../src/inbox/redis-inbox.js';
import { describeWithService, services, uniquePrefix } from '../helpers/services.js';
import { describeInboxContract } from './inbox-contract.js';

describeWithService('Redis', services.redisUrl, 'RedisInbox', (url) => {
  describeInboxContract('redis', async () => {
    const keyPrefix = uniquePrefix('inbox');
    return { open: async () => RedisInbox.open(url, { keyPrefix }) };
  });
});
