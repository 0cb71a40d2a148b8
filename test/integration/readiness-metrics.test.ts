import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../jobs/runtime/http-server.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { createMetrics } from '../../jobs/runtime/metrics.js';
import { readQueueSnapshots } from '../../jobs/runtime/queue-snapshots.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const redis = createTestRedis();
const prefix = uniquePrefix('ready');
afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('/readyz and queue metrics', () => {
  it('is 503 naming the part that is down, and 200 once every part is up', async () => {
    let slackConnected = false;
    const server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      redis,
      metrics: createMetrics(),
      logger: silentLogger,
      readiness: () => ({ 'deliver-worker': true, slack: slackConnected }),
    });
    const url = `http://127.0.0.1:${server.port}/readyz`;
    const down = await fetch(url);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'not_ready', checks: { redis: true, 'deliver-worker': true, slack: false } });
    slackConnected = true;
    const up = await fetch(url);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ready' });
    await server.close();
  });

  it('sets queue depth and the age of the oldest waiting job from BullMQ at scrape time', async () => {
    const queue = new Queue('story', { connection: { url: TEST_REDIS_URL }, prefix });
    await queue.add('story', { n: 1 }, { timestamp: 1_000_000 });
    await queue.add('story', { n: 2 }, { timestamp: 1_030_000 });
    let now = 1_060_000;
    const metrics = createMetrics(() => now);
    metrics.setQueueSource(() => readQueueSnapshots([queue]));
    const text = await metrics.registry.metrics();
    expect(text).toContain('wirewatch_queue_jobs{queue="story",state="wait"} 2');
    expect(text).toContain('wirewatch_queue_oldest_waiting_seconds{queue="story"} 60');
    // Within the cache window a second scrape reads nothing new from Redis.
    await queue.add('story', { n: 3 });
    now += 500;
    expect(await metrics.registry.metrics()).toContain('wirewatch_queue_jobs{queue="story",state="wait"} 2');
    now += 2_000;
    expect(await metrics.registry.metrics()).toContain('wirewatch_queue_jobs{queue="story",state="wait"} 3');
    await queue.close();
  });
});
