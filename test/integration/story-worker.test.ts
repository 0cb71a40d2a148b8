import { QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import type { Story } from '../../src/domain/index.js';
import { createQueue, STORY_JOB_NAME, STORY_JOB_OPTIONS, toConnectionOptions, type StoryJobData } from '../../jobs/queues.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { createMetrics } from '../../jobs/runtime/metrics.js';
import type { Closeable, RuntimeDeps } from '../../jobs/workers/registry.js';
import { createDroppedStories, createIncidentStore } from '../../jobs/runtime/stores.js';
import { createStoryWorker, removeExpiredIncidents, type StoryJobResult } from '../../jobs/workers/story-worker.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { INCIDENT_STORIES } from '../fixtures/incidents/index.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const NOW = Date.parse('2025-03-19T00:00:00Z');

function toStory(fixture: (typeof INCIDENT_STORIES)[number]): Story {
  return { ...fixture.story, feedId: 'fixture' };
}

const labourStrike: Story = {
  id: 'labour-strike-1',
  feedId: 'fixture',
  title: 'Dock workers in Rotterdam walk out as port strike enters second day',
  summary: 'Unions said the strike over pay would continue until employers improve their offer; container traffic has slowed.',
  link: 'https://harbour-news.example/rotterdam-strike',
  published: '2025-03-18T09:00:00Z',
  source: 'Harbour News',
};

let redis: Redis;
let deps: RuntimeDeps;
let worker: Closeable;
let events: QueueEvents;

beforeAll(async () => {
  redis = createTestRedis();
  const prefix = uniquePrefix('story-worker');
  deps = {
    config: configSchema.parse({}),
    logger: silentLogger,
    clock: () => NOW,
    redis,
    redisUrl: TEST_REDIS_URL,
    prefix,
    metrics: createMetrics(),
  };
  events = new QueueEvents('story', { connection: toConnectionOptions(TEST_REDIS_URL), prefix });
  await events.waitUntilReady();
  worker = await createStoryWorker(deps);
});

afterAll(async () => {
  await worker.close();
  await events.close();
  await deletePrefix(redis, deps.prefix);
  await redis.quit();
});

async function runJobs(stories: readonly { story: Story; jobId: string }[]): Promise<StoryJobResult[]> {
  const queue = createQueue<StoryJobData>('story', deps);
  try {
    const jobs = (await queue.addBulk(
      stories.map(({ story, jobId }) => ({ name: STORY_JOB_NAME, data: { story }, opts: { ...STORY_JOB_OPTIONS, jobId } })),
    )) as Job<StoryJobData, StoryJobResult>[];
    return await Promise.all(jobs.map((job) => job.waitUntilFinished(events, 20_000) as Promise<StoryJobResult>));
  } finally {
    await queue.close();
  }
}

describe('story worker end to end (BullMQ on the real Redis)', () => {
  it('turns five outlets\u2019 reports into one incident, drops a labour strike, and records changes for delivery', async () => {
    const bucha = INCIDENT_STORIES.filter((f) => f.event === 'bucha-drone').map(toStory);
    const results = await runJobs([...bucha, labourStrike].map((story) => ({ story, jobId: story.id })));

    const incidentIds = new Set(results.filter((r) => r.outcome !== 'dropped').map((r) => r.incidentId));
    expect(incidentIds.size).toBe(1);
    expect(results.at(-1)).toEqual({ outcome: 'dropped' });

    const store = createIncidentStore(deps);
    const incident = await store.getIncident([...incidentIds][0] ?? '');
    expect(incident?.sources).toHaveLength(5);
    expect(incident?.facts.casualties.killed).toBe(3);
    expect(incident?.regions.map((r) => r.code)).toContain('UA-32');

    // One stream entry per version, each naming the incident and what changed.
    const entries = await redis.xrange(new IncidentKeys(deps.prefix).changes(), '-', '+');
    expect(entries).toHaveLength(incident?.version ?? 0);
    const fields = Object.fromEntries(chunk(entries.at(-1)?.[1] ?? []));
    expect(fields).toMatchObject({ incident: incident?.id, version: String(incident?.version) });
    expect(JSON.parse(fields.changes ?? '[]')).toBeInstanceOf(Array);

    const dropped = createDroppedStories(deps);
    expect(await dropped.count()).toBe(1);
    expect((await dropped.find('labour-strike-1'))?.analysis.kinds).toEqual([]);
    // A retried job records the same dropped story again: still counted once.
    const again = await dropped.find('labour-strike-1');
    if (again) await dropped.record(again);
    expect(await dropped.count()).toBe(1);
    expect(await dropped.recent()).toHaveLength(1);
  });

  it('leaves the incident alone when a story is processed again under another job id', async () => {
    const [first] = INCIDENT_STORIES.filter((f) => f.event === 'bucha-drone').map(toStory);
    const store = createIncidentStore(deps);
    const [result] = await runJobs([{ story: first!, jobId: `${first!.id}-retry` }]);
    expect(result?.outcome).toBe('duplicate');
    expect((await store.getIncident(result?.incidentId ?? ''))?.sources).toHaveLength(5);
  });

  it('lets one worker at a time run retention cleanup', async () => {
    const store = createIncidentStore(deps);
    const later = { ...deps, clock: () => NOW + 40 * 86_400_000 };
    const [a, b] = await Promise.all([removeExpiredIncidents(later, store), removeExpiredIncidents(later, store)]);
    expect([a, b].sort()).toEqual([1, undefined]);
    expect(await redis.zcard(new IncidentKeys(deps.prefix).byTime())).toBe(0);
  });
});

function chunk(flat: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i] ?? '', flat[i + 1] ?? '']);
  return pairs;
}
