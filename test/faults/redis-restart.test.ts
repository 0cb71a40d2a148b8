import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { runSubscribeCommand } from '../../src/commands/subscription-commands.js';
import { configSchema } from '../../src/config/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { waitUntil } from '../support/delivery-fixtures.js';
import { buildRss, type FixtureItem } from '../support/feed-builder.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { cityIn, cityOf, cityStrikes } from '../support/fault-stories.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { RecordingSink } from '../support/recording-sink.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

// Fault row: the runtime's Redis (a redis-server of this test's own, AOF on) is stopped and
// started again while a feed is polled (every 10 s, the minimum) and alerts are delivered.
// What was posted is recorded in the shared test Redis, so the record outlives the outage.
const [first, duringOutage, afterwards] = cityStrikes(3, 'restart');
const items: FixtureItem[] = [];
const toItem = (story: typeof first) => ({
  guid: story?.id ?? '',
  title: story?.title ?? '',
  description: story?.summary ?? '',
  published: Date.now() - 60_000,
});
const shared = createTestRedis();
const sinkKey = `${uniquePrefix('fault-restart')}:posts`;
const sink = new RecordingSink(shared, sinkKey);
let redis: PrivateRedis;
let feeds: FeedServer;
let app: App | undefined;
let direct: Redis;

beforeAll(async () => {
  redis = await startPrivateRedis({ aof: true });
  feeds = await startFeedServer();
  feeds.route('/wire.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss(items)));
  direct = new Redis(redis.url, { maxRetriesPerRequest: null, lazyConnect: true });
  // This test's own connection sees the outage too; its reconnect attempts are expected noise.
  direct.on('error', () => undefined);
  await direct.connect();
  const prefix = uniquePrefix('fault-restart');
  const subscriptions = new SubscriptionStore(direct, prefix);
  const channel = { platform: 'slack' as const, workspace: 'T1', channel: 'C-restart' };
  expect(await runSubscribeCommand('UA', { channel, user: 'U1' }, { subscriptions, clock: Date.now })).toMatchObject({ type: 'success' });
  const config = configSchema.parse({
    allowPrivateNetworks: true,
    redis: { url: redis.url, prefix },
    redisWaitSeconds: 5,
    feeds: [{ id: 'wire', url: `${feeds.url}/wire.xml`, name: 'Wire', intervalSeconds: 10 }],
  });
  items.push(toItem(first));
  app = await startApp({
    config,
    logger: silentLogger,
    queues: ['poll', 'story', 'deliver'],
    withSchedulers: true,
    sinks: { slack: sink, console: sink },
  });
});

afterAll(async () => {
  await app?.close();
  direct.disconnect();
  await redis.dispose();
  await feeds.close();
  await deletePrefix(shared, sinkKey);
  shared.disconnect();
});

const postedCities = async () => (await sink.posts('C-restart')).map((p) => cityIn(JSON.stringify(p.message)));

describe('fault: Redis restarts under a running process', () => {
  it('reconnects by itself and delivers what was published during and after the outage, each once', async () => {
    await waitUntil(async () => (await sink.posts()).length === 1, 30_000);
    const pollsBefore = feeds.requests.length;
    await redis.stop();
    items.push(toItem(duringOutage));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await redis.start();
    // The story published while Redis was down is found by the next poll after it is back.
    await waitUntil(async () => (await sink.posts()).length >= 2, 30_000);
    expect(feeds.requests.length).toBeGreaterThan(pollsBefore);
    items.push(toItem(afterwards));
    await waitUntil(async () => (await sink.posts()).length >= 3, 30_000);
    // One more poll cycle: nothing is posted a second time.
    const polls = feeds.requests.length;
    await waitUntil(async () => feeds.requests.length > polls, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await postedCities()).toEqual([first, duringOutage, afterwards].map((s) => cityOf(s!)));
  }, 100_000);
});
