import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DeliverJobData } from '../queues.js';

/**
 * Keeps each channel's alerts in the order fan-out produced them, across retries and workers.
 * A sorted set per channel holds its pending deliver job ids, scored by a global sequence; only
 * the first may send. Without it a job retried after a 500 (exponential backoff) is overtaken
 * by the next incident's job and the channel shows the older incident last.
 */
export interface ChannelOrder {
  /** Records jobs in the order given, before they are enqueued. */
  record(jobs: readonly { target: string; jobId: string }[]): Promise<void>;
  /** True when `jobId` may send now: it is its channel's oldest pending job (or untracked). */
  isTurn(target: string, jobId: string): Promise<boolean>;
  /** The job reached a final outcome: the channel's next job may go. */
  release(target: string, jobId: string): Promise<void>;
}

/** States after which a job never runs again: its place in the line is freed. */
const GONE = new Set(['completed', 'failed', 'unknown']);

export function createChannelOrder(redis: Redis, prefix: string, queue: Queue<DeliverJobData>): ChannelOrder {
  const key = (target: string) => `${prefix}:deliver:order:${target}`;
  const sequence = `${prefix}:deliver:order-seq`;
  return {
    async record(jobs) {
      if (jobs.length === 0) return;
      const last = await redis.incrby(sequence, jobs.length);
      const batch = redis.multi();
      jobs.forEach((job, i) => batch.zadd(key(job.target), 'NX', last - jobs.length + i + 1, job.jobId));
      await batch.exec();
    },
    async isTurn(target, jobId) {
      for (;;) {
        const [head] = await redis.zrange(key(target), 0, 0);
        if (head === undefined || head === jobId) return true;
        // A head whose job was removed or gave up (a crash, attempts exhausted) must not block the channel.
        const job = await queue.getJob(head);
        if (job && !GONE.has(await job.getState())) return false;
        await redis.zrem(key(target), head);
      }
    },
    async release(target, jobId) {
      await redis.zrem(key(target), jobId);
    },
  };
}
