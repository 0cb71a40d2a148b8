import type { Queue } from 'bullmq';
import { createQueue, enqueueStories, type StoryJobData } from '../../jobs/queues.js';
import type { Story } from '../../src/domain/index.js';
import { argNumber, describeRange, quick, summarise } from '../support/bench-args.js';
import { startWirewatch, type WirewatchProcess } from '../support/bench-processes.js';
import { syntheticStory } from '../support/incident-seed.js';
import { startPrivateRedis } from '../support/private-redis.js';
import { uniquePrefix } from '../support/redis.js';

// Throughput with 1, 2 and 4 real `wirewatch worker --queues story` processes sharing one
// private redis-server (`--stories N`, default 2,000, `--quick` 500; 5 trials per configuration,
// `--quick` 3). Each trial: the workers start and register, then N stories are enqueued at once
// (as polls hand them over) and the clock runs until every story job has finished. The stories
// are synthetic strike and talks reports over 100 regions and 12 hours, so many join incidents
// others opened (the cross-process optimistic commit is part of what is measured). Reference in
// the same run: one process; the scaling ratio is stories/s with K processes over that.

const CONFIGS = [1, 2, 4];

export async function run(): Promise<void> {
  const stories = argNumber('--stories', quick() ? 500 : 2_000);
  const trials = quick() ? 3 : 5;
  const redis = await startPrivateRedis();
  try {
    const rates = new Map<number, number[]>(CONFIGS.map((k) => [k, []]));
    // Interleaved, so a burst of load elsewhere on the machine hits every configuration alike.
    for (let trial = 0; trial < trials; trial++) {
      for (const k of CONFIGS) rates.get(k)?.push(await trialRun(redis.url, k, stories, trial));
    }
    const base = summarise(rates.get(1) ?? []).median;
    console.log(
      `${stories.toLocaleString('en-US')} stories per trial, ${trials} trials, wirewatch worker --queues story (concurrency 8 each):`,
    );
    for (const [k, values] of rates) {
      const median = summarise(values).median;
      console.log(
        `  ${k} process${k > 1 ? 'es' : ''}: ${describeRange(values)} stories/s → ${(median / base).toFixed(2)}× one process (${Math.round(median / k)} stories/s per process)`,
      );
    }
    console.log('  (2 vCPU: beyond 2 processes the workers and Redis share the same two cores)');
  } finally {
    await redis.dispose();
  }
}

/** Enqueues the stories and returns the milliseconds until every one of them finished. */
async function drain(queue: Queue<StoryJobData>, stories: Story[]): Promise<number> {
  const before = await queue.getJobCounts('completed', 'failed');
  const target = (before.completed ?? 0) + (before.failed ?? 0) + stories.length;
  const started = Date.now();
  await enqueueStories(queue, stories);
  for (;;) {
    const counts = await queue.getJobCounts('completed', 'failed');
    if ((counts.completed ?? 0) + (counts.failed ?? 0) >= target) return Date.now() - started;
    if (Date.now() - started > 300_000) throw new Error('story jobs did not finish in 5 minutes');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function trialRun(redisUrl: string, processes: number, count: number, trial: number): Promise<number> {
  const prefix = uniquePrefix('bench-workers');
  const queue = createQueue<StoryJobData>('story', { redisUrl, prefix });
  const env = { REDIS_URL: redisUrl, WIREWATCH_REDIS_PREFIX: prefix };
  const workers: WirewatchProcess[] = Array.from({ length: processes }, () => startWirewatch(['worker', '--queues', 'story'], env));
  try {
    const ready = Date.now() + 60_000;
    while ((await queue.getWorkersCount()) < processes) {
      if (Date.now() > ready) throw new Error(`workers did not start: ${workers.map((w) => w.errors()).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const now = Date.now();
    const batch = (n: number, from: number, tag: string): Story[] =>
      Array.from({ length: n }, (_, i) => ({
        ...syntheticStory(from + i, now - ((from + i) % 720) * 60_000),
        id: `w${processes}-t${trial}-${tag}-${i}`,
        feedId: `feed-${i % 40}`,
      }));
    // Warm-up (module loading, JIT) outside the clock: 25 stories per process first.
    await drain(queue, batch(25 * processes, 1_000_000 + trial * 1_000, 'warm'));
    return count / ((await drain(queue, batch(count, trial * count, 'run'))) / 1000);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}
