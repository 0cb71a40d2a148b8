import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createQueue, enqueueStories, type PollJobData, type StoryJobData } from '../../jobs/queues.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { checkFeedSchedulers } from '../../jobs/workers/feed-schedulers.js';
import type { Story } from '../../src/domain/index.js';
import type { FeedSource } from '../../src/feeds/feed-list.js';
import { deriveStoryId } from '../../src/feeds/story-id.js';
import { createFeedStateStore } from '../../src/store/feed-state.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { createSeenStories } from '../../src/store/seen-stories.js';
import { argNumber, fmt, quick } from '../support/bench-args.js';
import { mb, startWirewatch } from '../support/bench-processes.js';
import { buildRss } from '../support/feed-builder.js';
import { startFeedServer } from '../support/feed-server.js';
import { seedIncidents, syntheticStory, usedMemory } from '../support/incident-seed.js';
import { startPrivateRedis } from '../support/private-redis.js';

// Memory, on a private redis-server (so INFO memory deltas are ours alone):
// - Redis bytes per feed (state hash + job scheduler + its next job), per seen story id (the
//   per-feed sorted sets) and per incident (hash + indexes), each against the payload it stores
//   (the reference: the bytes of the fields themselves), goals ≤ 2 KB per seen story, ≤ 8 KB per
//   incident;
// - RSS of real `wirewatch` processes: `run` with 10,000 and `--feeds N` (default 100,000; with
//   `--quick` 1,000 and 10,000) feeds on a loopback server (a 200 then 304s), sampled every second
//   while the schedulers are written and `--window S` (default 30) seconds of polling; and
//   `worker --queues story,deliver` over `--incidents N` (default 100,000, `--quick` 10,000) stored
//   incidents while 2,000 stories go through. Reference in the same run: `run` with one feed.
//   Goal ≤ 250 MB.

export async function run(): Promise<void> {
  const bigFeeds = argNumber('--feeds', quick() ? 10_000 : 100_000);
  const incidents = argNumber('--incidents', quick() ? 10_000 : 100_000);
  const windowS = argNumber('--window', quick() ? 10 : 30);
  const server = await startPrivateRedis();
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    await redisBytes(server.url, redis, incidents);
    const feedServer = await startFeedServer();
    feedServer.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      const items = Array.from({ length: 10 }, (_, i) => ({ guid: `g${i}`, title: `Story ${i}`, published: Date.now() - 86_400_000 }));
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(buildRss(items));
    });
    const base = await feedsRss(server.url, `${feedServer.url}/feed`, 1, windowS);
    console.log(`RSS, reference: wirewatch run with 1 feed: peak ${mb(base.peak)}, after ${windowS} s ${mb(base.rss)}`);
    for (const feeds of [bigFeeds / 10, bigFeeds]) {
      const r = await feedsRss(server.url, `${feedServer.url}/feed`, feeds, windowS);
      console.log(
        `RSS, wirewatch run with ${fmt(feeds)} feeds (${fmt(r.polled)} polled in the window): peak ${mb(r.peak)} (${(r.peak / base.peak).toFixed(2)}× the reference), after ${windowS} s ${mb(r.rss)}; goal ≤ 250 MB`,
      );
    }
    await feedServer.close();
    const w = await incidentsRss(server.url, incidents);
    console.log(
      `RSS, wirewatch worker --queues story,deliver over ${fmt(incidents)} incidents, 2,000 stories processed: peak ${mb(w.peak)} (${(w.peak / base.peak).toFixed(2)}× the reference), at the end ${mb(w.rss)}; goal ≤ 250 MB`,
    );
  } finally {
    redis.disconnect();
    await server.dispose();
  }
}

async function redisBytes(url: string, redis: Redis, incidents: number): Promise<void> {
  const feeds = 10_000;
  const now = Date.now();
  const state = createFeedStateStore(redis, '{mem-feeds}');
  let before = await usedMemory(redis);
  let payload = 0;
  for (let i = 0; i < feeds; i++) {
    const record = {
      status: 200 as const,
      at: now,
      nextAttemptAt: now + 300_000,
      etag: `"etag-${i}-3f9a1c"`,
      lastModified: new Date(now).toUTCString(),
    };
    await state.recordSuccess(`feed-${i}`, record);
    payload += `feed-${i}`.length + JSON.stringify(record).length;
  }
  const stateBytes = ((await usedMemory(redis)) - before) / feeds;
  const queue = createQueue<PollJobData>('poll', { redisUrl: url, prefix: '{mem-feeds}' });
  before = await usedMemory(redis);
  const sources = Array.from({ length: feeds }, (_, i) => ({
    id: `feed-${i}`,
    url: `https://example.org/${i}.xml`,
    name: `Feed ${i}`,
    intervalSeconds: 300,
  }));
  await checkFeedSchedulers(queue, sources as FeedSource[], now, silentLogger);
  const schedulerBytes = ((await usedMemory(redis)) - before) / feeds;
  await queue.close();
  console.log(
    `Redis per feed: ${fmt(stateBytes + schedulerBytes)} bytes = state hash ${fmt(stateBytes)} + job scheduler and its next job ${fmt(schedulerBytes)} (${fmt(feeds)} feeds, used_memory delta); the state's own fields: ${fmt(payload / feeds)} bytes → ${((stateBytes + schedulerBytes) / (payload / feeds)).toFixed(1)}×`,
  );

  const seen = createSeenStories(redis, '{mem-seen}');
  const perFeed = 50;
  before = await usedMemory(redis);
  let idBytes = 0;
  for (let f = 0; f < 1_000; f++) {
    const ids = Array.from({ length: perFeed }, (_, i) => deriveStoryId(`feed-${f}`, { guid: `https://outlet.example/${f}/${i}` }) ?? '');
    idBytes += ids.reduce((sum, id) => sum + id.length, 0);
    await seen.markSeen(`feed-${f}`, ids, now);
  }
  const perSeen = ((await usedMemory(redis)) - before) / (1_000 * perFeed);
  console.log(
    `Redis per seen story id: ${fmt(perSeen)} bytes (1,000 feeds × ${perFeed} ids in their sorted sets, with the per-feed baseline key; goal ≤ 2,048); the id itself ${fmt(idBytes / 1_000 / perFeed)} bytes → ${(perSeen / (idBytes / 1_000 / perFeed)).toFixed(1)}×`,
  );

  const prefix = '{mem-incidents}';
  before = await usedMemory(redis);
  await seedIncidents(redis, prefix, incidents);
  const perIncident = ((await usedMemory(redis)) - before) / incidents;
  const keys = new IncidentKeys(prefix);
  const sample = await redis.zrange(keys.byTime(), 0, 999);
  let fields = 0;
  let usage = 0;
  for (const id of sample) {
    const [data, card] = await redis.hmget(keys.incident(id), 'data', 'card');
    fields += (data?.length ?? 0) + (card?.length ?? 0);
    usage += Number((await redis.memory('USAGE', keys.incident(id))) ?? 0);
  }
  console.log(
    `Redis per incident: ${fmt(perIncident)} bytes incl. indexes (${fmt(incidents)} incidents, used_memory delta; goal ≤ 8,192); hash alone ${fmt(usage / sample.length)} bytes (MEMORY USAGE, 1,000 sampled); its JSON fields ${fmt(fields / sample.length)} bytes → ${(perIncident / (fields / sample.length)).toFixed(2)}×`,
  );
}

interface RssFigures {
  peak: number;
  rss: number;
  polled: number;
}

async function feedsRss(redisUrl: string, feedUrl: string, feeds: number, windowS: number): Promise<RssFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ww-bench-mem-'));
  const prefix = `{mem-run-${feeds}}`;
  const file = join(dir, 'feeds.json');
  await writeFile(
    file,
    JSON.stringify({ feeds: Array.from({ length: feeds }, (_, i) => ({ id: `f${i}`, url: `${feedUrl}?f=${i}`, intervalSeconds: 300 })) }),
  );
  const queue = createQueue<PollJobData>('poll', { redisUrl, prefix });
  const proc = startWirewatch(['run'], {
    REDIS_URL: redisUrl,
    WIREWATCH_REDIS_PREFIX: prefix,
    WIREWATCH_CONFIG: file,
    WIREWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
  });
  let figures: RssFigures = { peak: 0, rss: 0, polled: 0 };
  try {
    const deadline = Date.now() + 600_000;
    while ((await queue.getJobSchedulersCount()) < feeds) {
      if (Date.now() > deadline || proc.child.exitCode !== null) throw new Error(`run did not write its schedulers: ${proc.errors()}`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    await new Promise((r) => setTimeout(r, windowS * 1_000));
    const memory = await proc.memory();
    const counts = await queue.getJobCounts('completed');
    figures = { peak: memory?.peak ?? NaN, rss: memory?.rss ?? NaN, polled: counts.completed ?? 0 };
  } finally {
    await proc.stop();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}

async function incidentsRss(redisUrl: string, incidents: number): Promise<RssFigures> {
  // The store seeded by redisBytes, under the same prefix.
  const prefix = '{mem-incidents}';
  const queue = createQueue<StoryJobData>('story', { redisUrl, prefix });
  const proc = startWirewatch(['worker', '--queues', 'story,deliver'], { REDIS_URL: redisUrl, WIREWATCH_REDIS_PREFIX: prefix });
  try {
    while ((await queue.getWorkersCount()) < 1) await new Promise((r) => setTimeout(r, 200));
    const now = Date.now();
    const stories: Story[] = Array.from({ length: 2_000 }, (_, i) => ({
      ...syntheticStory(incidents + i, now - (i % 720) * 60_000),
      id: `mem-${i}`,
      feedId: `feed-${i % 40}`,
    }));
    await enqueueStories(queue, stories);
    const deadline = Date.now() + 600_000;
    for (;;) {
      const counts = await queue.getJobCounts('completed', 'failed');
      if ((counts.completed ?? 0) + (counts.failed ?? 0) >= stories.length || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const memory = await proc.memory();
    return { peak: memory?.peak ?? NaN, rss: memory?.rss ?? NaN, polled: 0 };
  } finally {
    await proc.stop();
    await queue.close();
  }
}
