import { afterAll, describe, expect, it } from 'vitest';
import { createChannelOrder } from '../../jobs/delivery/channel-order.js';
import { startChangeConsumer } from '../../jobs/delivery/fan-out.js';
import { createQueue, type DeliverJobData } from '../../jobs/queues.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { createDeliveryLog } from '../../src/store/delivery-log.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { waitUntil } from '../support/delivery-fixtures.js';
import { seedIncidents } from '../support/incident-seed.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// The fan-out consumer plans a batch of stream entries concurrently; the channel order it records
// must still be the stream's (commit) order, and each entry must give its jobs exactly once.
const prefix = uniquePrefix('fanout-batch');
const redis = createTestRedis();

afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('fan-out of a batch of incident changes', () => {
  it('records one job per incident and channel, in stream order, for a burst read in one batch', async () => {
    await seedIncidents(redis, prefix, 12);
    const keys = new IncidentKeys(prefix);
    const ids = await redis.zrange(keys.byTime(), 0, -1);
    const subscriptions = new SubscriptionStore(redis, prefix);
    for (const region of ['UA', 'RU']) {
      await subscriptions.save({
        channel: { platform: 'slack', workspace: 'T0ACME', channel: 'C0ALL' },
        region,
        regionName: region,
        kinds: ['strike', 'negotiation'],
        minSeverity: 'low',
        createdBy: 'U1',
        createdAt: new Date().toISOString(),
      });
    }
    // Appended before the consumer starts, so its first read takes them all in one batch.
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    for (const id of shuffled) await redis.xadd(keys.changes(), '*', 'incident', id);
    const queue = createQueue<DeliverJobData>('deliver', { redisUrl: TEST_REDIS_URL, prefix });
    const store = new IncidentStore({ redis, prefix, ancestorsOf, retentionMs: 3650 * 86_400_000 });
    const consumer = await startChangeConsumer(redis, keys.changes(), {
      getIncident: (id) => store.getIncident(id),
      subscriptions,
      log: createDeliveryLog(redis, prefix, 86_400),
      queue,
      consoleOnly: false,
      logger: silentLogger,
      order: createChannelOrder(redis, prefix, queue),
      clock: Date.now,
      maxAgeMs: 3600_000,
    });
    try {
      await waitUntil(async () => (await queue.count()) >= ids.length);
      const line = await redis.zrange(`${prefix}:deliver:order:slack/T0ACME/C0ALL`, 0, -1);
      expect(line.map((jobId) => jobId.split('/')[0])).toEqual(shuffled);
      expect(await queue.count()).toBe(ids.length);
      expect(await redis.xpending(keys.changes(), 'deliver-fanout')).toEqual([0, null, null, null]);
    } finally {
      await consumer.close();
      await queue.close();
    }
  });
});
