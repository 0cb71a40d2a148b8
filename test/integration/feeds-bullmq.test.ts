import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueue, type PollJobData, type StoryJobData } from '../../jobs/queues.js';
import { createMetrics } from '../../jobs/runtime/metrics.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { checkFeedSchedulers, createFeedSchedulers } from '../../jobs/workers/feed-schedulers.js';
import { createPollWorker } from '../../jobs/workers/poll-worker.js';
import type { Closeable, RuntimeDeps } from '../../jobs/workers/registry.js';
import { configSchema } from '../../src/config/index.js';
import { listFeedSources } from '../../src/feeds/feed-list.js';
import { deriveStoryId } from '../../src/feeds/story-id.js';
import { buildRss, type FixtureItem } from '../support/feed-builder.js';
import { eventually, startFeedServer, type FeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

let server: FeedServer;
let redis: Redis;
let deps: RuntimeDeps;
let items: FixtureItem[];

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/wire', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss(items)));
  redis = createTestRedis();
  const now = Date.now();
  items = [
    { guid: 'e2e-1', title: 'Shelling damages a substation', published: now - 5 * 60_000 },
    { guid: 'e2e-2', title: 'Ceasefire proposal tabled', published: now - 15 * 60_000 },
    { guid: 'e2e-old', title: 'Last week’s archive story', published: now - 7 * 24 * 3600_000 },
  ];
  const prefix = uniquePrefix('bull');
  const config = configSchema.parse({
    allowPrivateNetworks: true,
    redis: { prefix },
    feeds: [{ id: 'wire-a', url: `${server.url}/wire`, name: 'Wire A', intervalSeconds: 10 }],
  });
  deps = { config, logger: silentLogger, clock: Date.now, redis, redisUrl: TEST_REDIS_URL, prefix, metrics: createMetrics() };
});

afterAll(async () => {
  await deletePrefix(redis, deps.prefix);
  await redis.quit();
  await server.close();
});

async function startComponents(): Promise<Closeable[]> {
  return [await createPollWorker(deps), await createFeedSchedulers(deps)];
}

async function closeAll(components: Closeable[]): Promise<void> {
  for (const component of components.reverse()) await component.close();
}

describe('poll queue end to end (BullMQ on real Redis)', () => {
  it('the feed scheduler fires, the poll worker enqueues one story job per new story, keyed by story id', async () => {
    const storyQueue = createQueue<StoryJobData>('story', deps);
    const pollQueue = createQueue<PollJobData>('poll', deps);
    const components = await startComponents();
    try {
      const expected = ['e2e-1', 'e2e-2'].map((guid) => deriveStoryId('wire-a', { guid }));
      await eventually(async () => ((await storyQueue.getJobCounts('waiting')).waiting ?? 0) >= 2, 500);
      const jobs = await storyQueue.getJobs(['waiting']);
      expect(jobs.map((j) => j.id).sort()).toEqual([...expected].sort());
      expect(jobs.every((j) => j.id === j.data.story.id && !j.id?.includes(':'))).toBe(true);
      expect(jobs.map((j) => j.data.story.title).sort()).toEqual(['Ceasefire proposal tabled', 'Shelling damages a substation']);
      const scheduler = await pollQueue.getJobScheduler('wire-a');
      expect(scheduler).toMatchObject({ every: 10_000 });
      expect(await redis.keys(`${deps.prefix}:poll:*`)).not.toHaveLength(0);
    } finally {
      await closeAll(components);
      await storyQueue.close();
      await pollQueue.close();
    }
  });

  it('a restarted worker polling the same feed again enqueues nothing already seen', async () => {
    const storyQueue = createQueue<StoryJobData>('story', deps);
    const pollQueue = createQueue<PollJobData>('poll', deps);
    // Empty the story queue, so only the seen-set (not job-id dedup) can prevent a re-send.
    await storyQueue.obliterate({ force: true });
    const components = await startComponents();
    try {
      const job = await pollQueue.add('poll', { feedId: 'wire-a', force: true });
      await eventually(async () => (await job.getState()) === 'completed', 500);
      const finished = await pollQueue.getJob(job.id!);
      expect(finished?.returnvalue).toMatchObject({ outcome: 'fetched', firstPoll: false, unseen: 0, enqueued: 0 });
      expect(await storyQueue.getJobCounts('waiting', 'delayed', 'active')).toEqual({ waiting: 0, delayed: 0, active: 0 });
    } finally {
      await closeAll(components);
      await storyQueue.close();
      await pollQueue.close();
    }
  });

  it('the watchdog restores a vanished or stalled scheduler and removes one whose feed left the config', async () => {
    const pollQueue = createQueue<PollJobData>('poll', deps);
    try {
      const feeds = listFeedSources(deps.config);
      await checkFeedSchedulers(pollQueue, feeds, Date.now(), silentLogger);
      expect(await checkFeedSchedulers(pollQueue, feeds, Date.now(), silentLogger)).toEqual({ restored: [], removed: [] });

      await pollQueue.removeJobScheduler('wire-a');
      expect(await checkFeedSchedulers(pollQueue, feeds, Date.now(), silentLogger)).toEqual({ restored: ['wire-a'], removed: [] });

      // Seen from an hour later, the scheduler's next run is long past: it stopped firing.
      expect(await checkFeedSchedulers(pollQueue, feeds, Date.now() + 3600_000, silentLogger)).toEqual({
        restored: ['wire-a'],
        removed: [],
      });
      expect(await pollQueue.getJobScheduler('wire-a')).toBeDefined();

      expect(await checkFeedSchedulers(pollQueue, [], Date.now(), silentLogger)).toEqual({ restored: [], removed: ['wire-a'] });
      expect(await pollQueue.getJobScheduler('wire-a')).toBeUndefined();
    } finally {
      await pollQueue.close();
    }
  });
});
