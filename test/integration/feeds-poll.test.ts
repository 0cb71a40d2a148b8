import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../jobs/runtime/logger.js';
import type { Story } from '../../src/domain/story.js';
import { createFeedFetcher, type FeedFetcher } from '../../src/feeds/fetch-feed.js';
import type { FeedSource } from '../../src/feeds/feed-list.js';
import { pollFeed, chooseBackoffSeconds, type PollDeps } from '../../src/feeds/poll-feed.js';
import { createFeedStateStore } from '../../src/store/feed-state.js';
import { createOperatorNotices } from '../../src/store/operator-notices.js';
import { createSeenStories } from '../../src/store/seen-stories.js';
import { buildRss, type FixtureItem } from '../support/feed-builder.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

const T0 = Date.parse('2026-03-03T12:00:00Z');
const MINUTE = 60_000;

let server: FeedServer;
let redis: Redis;
let prefix: string;
let now: number;
let items: FixtureItem[];
let status: number;
let ttlMinutes: number | undefined;
const fetchers: FeedFetcher[] = [];
const connections: Redis[] = [];

const feed: FeedSource = { id: 'fixture-wire', url: '', name: 'Fixture Wire', intervalSeconds: 60 };

/** A "process": its own fetcher, stores and Redis connection, sharing only the Redis prefix. */
function startPoller(enqueued: Story[][]): PollDeps {
  const connection = createTestRedis();
  connections.push(connection);
  const fetcher = createFeedFetcher({
    allowPrivateNetworks: true,
    connectTimeoutMs: 2000,
    timeoutMs: 5000,
    maxBytes: 8 << 20,
    userAgent: 'wirewatch-test',
  });
  fetchers.push(fetcher);
  return {
    fetcher,
    state: createFeedStateStore(connection, prefix),
    seen: createSeenStories(connection, prefix),
    notices: createOperatorNotices(connection, prefix),
    enqueueStories: (stories) => {
      enqueued.push([...stories]);
      return Promise.resolve();
    },
    policy: { backfillWindowSeconds: 3600, failureThreshold: 4, maxBackoffSeconds: 600, maxCacheSeconds: 900 },
    clock: () => now,
    logger: silentLogger,
  };
}

const titles = (batches: Story[][]) => batches.flat().map((s) => s.title);

beforeAll(async () => {
  server = await startFeedServer();
  redis = createTestRedis();
  server.route('/feed', (req, res) => {
    if (status !== 200) return res.writeHead(status).end('upstream trouble');
    const body = buildRss(items, ttlMinutes === undefined ? {} : { ttlMinutes });
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  });
  feed.url = `${server.url}/feed`;
});
beforeEach(() => {
  prefix = uniquePrefix('poll');
  now = T0;
  status = 200;
  ttlMinutes = undefined;
  items = [
    { guid: 'a', title: 'Recent strike report', published: T0 - 10 * MINUTE },
    { guid: 'b', title: 'Two-hour-old talks report', published: T0 - 120 * MINUTE },
    { guid: 'c', title: 'Undated archive item' },
  ];
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await Promise.all(connections.splice(0).map((c) => c.quit()));
  await deletePrefix(redis, prefix);
});
afterAll(async () => {
  await redis.quit();
  await server.close();
});

describe('pollFeed', () => {
  it('first poll records everything but passes on only stories inside the backfill window', async () => {
    const enqueued: Story[][] = [];
    const outcome = await pollFeed(feed, startPoller(enqueued));
    expect(outcome).toMatchObject({ outcome: 'fetched', stories: 3, unseen: 3, enqueued: 1, firstPoll: true });
    expect(titles(enqueued)).toEqual(['Recent strike report']);
  });

  it('later polls pass on only new items; a restart, a re-dated feed and a 304 re-send nothing', async () => {
    const first: Story[][] = [];
    await pollFeed(feed, startPoller(first));
    now += MINUTE;
    items.unshift({ guid: 'd', title: 'Fresh drone attack report', published: now - MINUTE / 2 });
    const second: Story[][] = [];
    const poller = startPoller(second);
    expect(await pollFeed(feed, poller)).toMatchObject({ outcome: 'fetched', enqueued: 1, firstPoll: false });
    expect(titles(second)).toEqual(['Fresh drone attack report']);

    now += MINUTE;
    expect(await pollFeed(feed, poller)).toMatchObject({ outcome: 'unchanged' });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBeDefined();

    // A "restart": fresh connection and stores, same Redis; the publisher also re-dates everything.
    now += MINUTE;
    items = items.map((item) => ({ ...item, published: now - 1000 }));
    const afterRestart: Story[][] = [];
    const restarted = startPoller(afterRestart);
    expect(await pollFeed(feed, restarted)).toMatchObject({ outcome: 'fetched', unseen: 0, enqueued: 0 });
    expect(afterRestart).toEqual([]);
  });

  it('skips a poll before the next attempt is due, and honours the feed ttl up to the cap', async () => {
    const deps = startPoller([]);
    await pollFeed(feed, deps);
    now += 5000;
    expect(await pollFeed(feed, deps)).toMatchObject({ outcome: 'skipped', until: T0 + 60_000 });
    expect(await pollFeed(feed, deps, { force: true })).toMatchObject({ outcome: 'unchanged' });
    ttlMinutes = 5;
    expect(await pollFeed(feed, deps, { force: true })).toMatchObject({ outcome: 'fetched' });
    expect((await deps.state.get(feed.id)).nextAttemptAt).toBe(now + 5 * MINUTE);
    ttlMinutes = 24 * 60; // a day: capped at maxCacheSeconds (15 min)
    expect(await pollFeed(feed, deps, { force: true })).toMatchObject({ outcome: 'fetched' });
    expect((await deps.state.get(feed.id)).nextAttemptAt).toBe(now + 15 * MINUTE);
  });

  it('a Redis reconnect between polls re-sends nothing', async () => {
    const enqueued: Story[][] = [];
    const deps = startPoller(enqueued);
    await pollFeed(feed, deps);
    const connection = connections.at(-1)!;
    connection.disconnect(true);
    now += MINUTE;
    expect(await pollFeed(feed, deps, { force: true })).toMatchObject({ outcome: 'unchanged' });
    items.push({ guid: 'e', title: 'Another new report', published: now });
    expect(await pollFeed(feed, deps, { force: true })).toMatchObject({ outcome: 'fetched', enqueued: 1 });
    expect(titles(enqueued)).toEqual(['Recent strike report', 'Another new report']);
  });

  it('a feed that keeps failing backs off, is marked failing with its reason once, and recovers', async () => {
    const deps = startPoller([]);
    await pollFeed(feed, deps);
    status = 503;
    const outcomes = [];
    for (let i = 0; i < 6; i++) {
      now += 3600_000;
      outcomes.push(await pollFeed(feed, deps));
    }
    expect(outcomes.map((o) => o.outcome === 'failed' && o.failing)).toEqual([false, false, false, true, true, true]);
    const state = await deps.state.get(feed.id);
    expect(state).toMatchObject({ consecutiveFailures: 6, lastStatus: 'feed_http_status' });
    expect(state.disabledReason).toMatch(/^feed_http_status: HTTP 503/);
    expect(state.nextAttemptAt).toBe(now + 600_000); // capped backoff
    const notices = await deps.notices.read();
    expect(notices.map((n) => [n.kind, n.code])).toEqual([['feed_failing', 'feed_http_status']]);
    expect(notices[0]?.message).toContain('failing after 4 attempts');

    status = 200;
    now += 3600_000;
    expect(await pollFeed(feed, deps)).toMatchObject({ outcome: 'unchanged' });
    const recovered = await deps.state.get(feed.id);
    expect(recovered.consecutiveFailures).toBe(0);
    expect(recovered.disabledReason).toBeUndefined();
    expect((await deps.notices.read()).map((n) => n.kind)).toEqual(['feed_failing', 'feed_recovered']);
  });

  it('an unparseable body is a recorded failure, not a crash', async () => {
    server.route('/html', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>hi</body></html>'),
    );
    const deps = startPoller([]);
    expect(await pollFeed({ ...feed, id: 'html-page', url: `${server.url}/html` }, deps)).toMatchObject({
      outcome: 'failed',
      code: 'feed_unparseable',
      failures: 1,
    });
  });

  it('backoff doubles from the interval and is capped; Retry-After is honoured within the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => chooseBackoffSeconds(60, n, 3600))).toEqual([60, 120, 240, 480, 3600]);
    expect(chooseBackoffSeconds(60, 1, 3600, '900')).toBe(900);
    expect(chooseBackoffSeconds(60, 1, 3600, '99999')).toBe(3600);
  });
});

describe('pollFeed on long and churning feeds (the seen set follows what the feed carries)', () => {
  const many = (count: number, from = 0): FixtureItem[] =>
    Array.from({ length: count }, (_, i) => ({ guid: `item-${from + i}`, title: `Archive item ${from + i}` }));

  it('a 6,000-item feed, undated, is not re-enqueued on the next polls', async () => {
    items = many(6000);
    const deps = startPoller([]);
    expect(await pollFeed(feed, deps)).toMatchObject({ outcome: 'fetched', stories: 6000, firstPoll: true });
    for (let poll = 0; poll < 2; poll++) {
      now += 2 * MINUTE;
      items = [{ guid: `new-${poll}`, title: `Fresh report ${poll}`, published: now - 1000 }, ...items];
      const enqueued: Story[][] = [];
      const outcome = await pollFeed(feed, { ...deps, enqueueStories: (s) => (enqueued.push([...s]), Promise.resolve()) });
      expect(outcome).toMatchObject({ outcome: 'fetched', unseen: 1, enqueued: 1 });
      expect(titles(enqueued)).toEqual([`Fresh report ${poll}`]);
    }
  });

  it('memory per feed stays near the feed size when items churn, and gone items are forgotten oldest first', async () => {
    items = many(50);
    const deps = startPoller([]);
    await pollFeed(feed, deps);
    for (let poll = 1; poll <= 40; poll++) {
      now += 2 * MINUTE;
      items = [...many(5, 1000 + poll * 5), ...items.slice(0, 45)];
      expect(await pollFeed(feed, deps)).toMatchObject({ outcome: 'fetched', unseen: 5 });
    }
    const key = `${prefix}:feed:${feed.id}:seen`;
    expect(await redis.zcard(key)).toBe(100);
    // Every id still in the feed carries this poll's time: none of them was trimmed.
    expect(await redis.zcount(key, now, now)).toBe(50);
  });
});

describe('pollFeed with a not-quite-XML feed', () => {
  it("a bare '&' keeps every item and the feed state records the repair", async () => {
    server.route('/amp', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
        .end(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>Q&A Wire</title>' +
            '<item><guid>1</guid><title>Drones hit depot, officials &amp; residents say</title></item>' +
            '<item><guid>2</guid><title>Talks Q&A: what the envoys said</title></item></channel></rss>',
        ),
    );
    const deps = startPoller([]);
    const ampFeed = { ...feed, id: 'amp-wire', url: `${server.url}/amp` };
    expect(await pollFeed(ampFeed, deps)).toMatchObject({ outcome: 'fetched', stories: 2 });
    expect((await deps.state.get('amp-wire')).lastRepair).toBe("escaped 2 stray '&'");
  });
});
