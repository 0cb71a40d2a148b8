import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { createQueue, createWorker, POLL_JOB_NAME, POLL_JOB_OPTIONS, type PollJobData } from '../../jobs/queues.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { checkFeedSchedulers } from '../../jobs/workers/feed-schedulers.js';
import type { FeedSource } from '../../src/feeds/feed-list.js';
import { argNumber, fmt, quick } from '../support/bench-args.js';
import { usedMemory } from '../support/incident-seed.js';
import { startPrivateRedis } from '../support/private-redis.js';
import { percentile } from '../support/stage-timings.js';

// BullMQ with `--feeds N` job schedulers (default 100,000, `--quick` 10,000), one per feed every
// 300 s, written by the runtime's own `checkFeedSchedulers` (what `run` does at start-up, first
// runs spread over one interval) on a private redis-server, so `used_memory` deltas are ours:
// upsert time, Redis bytes per scheduler, and drift — how late each poll job starts after its
// scheduled time — with a no-op worker of the poll worker's concurrency (64) over `--window S`
// seconds (default 60, `--quick` 20). References in the same run: the same number of plain
// delayed jobs added in bulk (time and bytes), and the drift of 1,000 schedulers.

const EVERY_S = 300;

export async function run(): Promise<void> {
  const feeds = argNumber('--feeds', quick() ? 10_000 : 100_000);
  const windowS = argNumber('--window', quick() ? 20 : 60);
  const server = await startPrivateRedis();
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    const plain = await plainDelayedJobs(server.url, redis, feeds);
    const big = await schedulers(server.url, redis, feeds, windowS);
    const small = await schedulers(server.url, redis, 1_000, windowS);
    console.log(`${fmt(feeds)} job schedulers (every ${EVERY_S} s, first runs spread):`);
    console.log(
      `  upsert (checkFeedSchedulers, one upsertJobScheduler each): ${(big.upsertMs / 1000).toFixed(1)} s = ${fmt(feeds / (big.upsertMs / 1000))} schedulers/s`,
    );
    console.log(
      `  reference: ${fmt(feeds)} plain delayed jobs with addBulk: ${(plain.ms / 1000).toFixed(1)} s → upserting takes ${(big.upsertMs / plain.ms).toFixed(1)}× as long`,
    );
    console.log(
      `  Redis memory: ${fmt(big.bytes / feeds)} bytes per scheduler incl. its next delayed job (${fmt(big.bytes / 1024 / 1024, 1)} MB in all); plain delayed job ${fmt(plain.bytes / feeds)} bytes → ${(big.bytes / plain.bytes).toFixed(2)}×`,
    );
    for (const [label, r, n] of [
      [`${fmt(feeds)} schedulers`, big, feeds],
      ['reference, 1,000 schedulers', small, 1_000],
    ] as const) {
      console.log(
        `  drift, ${label}: ${r.drift.length} jobs in ${windowS} s (${fmt(r.drift.length / windowS, 1)}/s, expected ≈ ${fmt(n / EVERY_S, 1)}/s): p50 ${fmt(percentile(r.drift, 50))} ms, p99 ${fmt(percentile(r.drift, 99))} ms, max ${fmt(Math.max(...r.drift))} ms late`,
      );
    }
  } finally {
    redis.disconnect();
    await server.dispose();
  }
}

async function plainDelayedJobs(url: string, redis: Redis, count: number): Promise<{ ms: number; bytes: number }> {
  const queue = createQueue<PollJobData>('poll', { redisUrl: url, prefix: '{bench-plain}' });
  const before = await usedMemory(redis);
  const started = Date.now();
  for (let start = 0; start < count; start += 1_000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1_000, count - start) }, (_, i) => ({
        name: POLL_JOB_NAME,
        data: { feedId: `f${start + i}` },
        opts: { ...POLL_JOB_OPTIONS, delay: 3_600_000 + start + i },
      })),
    );
  }
  const ms = Date.now() - started;
  const bytes = (await usedMemory(redis)) - before;
  await queue.obliterate({ force: true });
  await queue.close();
  return { ms, bytes };
}

async function schedulers(url: string, redis: Redis, count: number, windowS: number) {
  const prefix = `{bench-sched-${count}}`;
  const deps = { redisUrl: url, prefix };
  const queue = createQueue<PollJobData>('poll', deps);
  const feeds: FeedSource[] = Array.from({ length: count }, (_, i) => ({
    id: `f${i}`,
    url: `http://127.0.0.1:9/f${i}`,
    name: `Feed ${i}`,
    intervalSeconds: EVERY_S,
  })) as FeedSource[];
  const before = await usedMemory(redis);
  const started = Date.now();
  await checkFeedSchedulers(queue, feeds, Date.now(), silentLogger);
  const upsertMs = Date.now() - started;
  const bytes = (await usedMemory(redis)) - before;
  const drift: number[] = [];
  const from = Date.now();
  const worker = createWorker<PollJobData, void>(
    'poll',
    async (job: Job<PollJobData>) => {
      // Scheduler jobs are named repeat:<scheduler id>:<scheduled epoch ms>.
      const scheduled = Number(String(job.id).split(':').at(-1));
      if (scheduled >= from) drift.push(Date.now() - scheduled);
    },
    deps,
    { concurrency: 64 },
  );
  await new Promise((r) => setTimeout(r, windowS * 1000));
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { upsertMs, bytes, drift };
}
