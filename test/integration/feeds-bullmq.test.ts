import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueue, type PollJobData, type StoryJobData } from '../../jobs/queues.js';
import { createMetrics } from '../../jobs/runtime/metrics.js';
import { createLogger, silentLogger } from '../../jobs/runtime/logger.js';
import { checkEarliestSchedulers, checkFeedSchedulers, createFeedSchedulers, spreadOffset } from '../../jobs/workers/feed-schedulers.js';
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

/** What the BullMQ bug does: the scheduler's next delayed job vanishes (BullMQ refuses to remove it itself). */
async function loseNextJob(feedId: string): Promise<void> {
  const queue = createQueue<PollJobData>('poll', deps);
  const next = (await queue.getJobScheduler(feedId))?.next;
  await queue.close();
  const jobId = `repeat:${feedId}:${next}`;
  await redis
    .multi()
    .zrem(`${deps.prefix}:poll:delayed`, jobId)
    .lrem(`${deps.prefix}:poll:wait`, 0, jobId)
    .del(`${deps.prefix}:poll:${jobId}`)
    .exec();
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

  it('first runs are spread over one interval by feed id', async () => {
    // 150 feeds, no worker: the schedulers' first runs land all over the next minute, not now.
    const many = Array.from({ length: 150 }, (_, i) => ({ id: `spread-${i}`, url: 'https://x.example/f', name: 'x', intervalSeconds: 60 }));
    const queue = createQueue<PollJobData>('poll', { ...deps, prefix: uniquePrefix('spread') });
    const start = Date.now();
    try {
      await checkFeedSchedulers(queue, many, start, silentLogger);
      const nexts = (await queue.getJobSchedulers(0, -1)).map((sch) => (sch.next ?? 0) - start);
      expect(nexts).toHaveLength(150);
      expect(nexts.filter((delay) => delay > 30_000).length).toBeGreaterThan(40);
      expect(nexts.every((delay) => delay <= 61_000)).toBe(true);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    const offsets = Array.from({ length: 1000 }, (_, i) => spreadOffset(`feed-${i}`, 60_000));
    expect(offsets.every((o) => o >= 1 && o < 60_000)).toBe(true);
    expect(spreadOffset('feed-1', 60_000)).toBe(offsets[1]);
    // Spread, not bunched: every tenth of the interval gets a share.
    const tenths = new Set(offsets.map((o) => Math.floor(o / 6_000)));
    expect(tenths.size).toBe(10);
  });

  it('the watchdog restores a vanished or stalled scheduler and removes one whose feed left the config', async () => {
    const pollQueue = createQueue<PollJobData>('poll', deps);
    const none = { created: [], updated: [], restored: [], removed: [] };
    try {
      const feeds = listFeedSources(deps.config);
      const known = new Set<string>();
      await checkFeedSchedulers(pollQueue, feeds, Date.now(), silentLogger, known);
      expect(await checkFeedSchedulers(pollQueue, feeds, Date.now(), silentLogger, known)).toEqual(none);

      await pollQueue.removeJobScheduler('wire-a');
      expect(await checkFeedSchedulers(pollQueue, feeds, Date.now(), silentLogger, known)).toEqual({ ...none, restored: ['wire-a'] });

      // Seen from an hour later (as after downtime) the next run is past, but its job still waits:
      // BullMQ runs it when a worker starts, so nothing is restored and nothing is logged.
      const anHourLater = Date.now() + 3600_000;
      expect(await checkFeedSchedulers(pollQueue, feeds, anHourLater, silentLogger, known)).toEqual(none);
      // Its next job lost as well: the scheduler stopped firing and is restored.
      await loseNextJob('wire-a');
      expect(await checkFeedSchedulers(pollQueue, feeds, anHourLater, silentLogger, known)).toEqual({ ...none, restored: ['wire-a'] });
      expect(await pollQueue.getJobScheduler('wire-a')).toBeDefined();

      // Later ticks check only the earliest-due schedulers, and fall back to a full pass on a count mismatch.
      const byId = new Map(feeds.map((f) => [f.id, f]));
      await loseNextJob('wire-a');
      expect(await checkEarliestSchedulers(pollQueue, byId, 1, anHourLater + 3600_000, silentLogger, known)).toEqual({
        ...none,
        restored: ['wire-a'],
      });
      await pollQueue.removeJobScheduler('wire-a');
      expect(await checkEarliestSchedulers(pollQueue, byId, 1, Date.now(), silentLogger, known)).toEqual({ ...none, restored: ['wire-a'] });

      expect(await checkFeedSchedulers(pollQueue, [], Date.now(), silentLogger, known)).toEqual({ ...none, removed: ['wire-a'] });
      expect(await pollQueue.getJobScheduler('wire-a')).toBeUndefined();
    } finally {
      await pollQueue.close();
    }
  });

  it('a first start logs the schedulers as created, a restart logs nothing, and only a lost one is restored', async () => {
    const prefix = uniquePrefix('sched-log');
    const queue = createQueue<PollJobData>('poll', { ...deps, prefix });
    const lines: Array<{ level: number; msg: string; created?: string[]; updated?: string[]; restored?: string[] }> = [];
    const logger = createLogger('info', 'json', {
      isTty: false,
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
          done();
        },
      }),
    });
    const feeds = [
      { id: 'log-a', url: 'https://a.example/f', name: 'A', intervalSeconds: 60 },
      { id: 'log-b', url: 'https://b.example/f', name: 'B', intervalSeconds: 60 },
    ];
    try {
      await checkFeedSchedulers(queue, feeds, Date.now(), logger, new Set());
      expect(lines.map((l) => l.msg)).toEqual(['feed schedulers: 2 created']);
      expect(lines[0]).toMatchObject({ level: 30, created: ['log-a', 'log-b'] });
      expect(lines[0]?.restored).toBeUndefined();

      // A restart: a new process (nothing known yet) finds every scheduler in place and says nothing.
      lines.length = 0;
      const known = new Set<string>();
      await checkFeedSchedulers(queue, feeds, Date.now(), logger, known);
      expect(lines).toEqual([]);

      // A changed interval is an update, a scheduler lost while running is restored (with a warning).
      await queue.removeJobScheduler('log-b');
      await checkFeedSchedulers(queue, [{ ...feeds[0]!, intervalSeconds: 120 }, feeds[1]!], Date.now(), logger, known);
      expect(lines.map((l) => l.msg)).toEqual([
        'feed scheduler vanished from Redis; restoring it',
        'feed schedulers: 1 updated, 1 restored',
      ]);
      expect(lines[0]?.level).toBe(40);
      expect(lines[1]).toMatchObject({ updated: ['log-a'], restored: ['log-b'] });
      expect(lines.some((l) => l.created !== undefined)).toBe(false);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      await deletePrefix(redis, prefix);
    }
  });
});
