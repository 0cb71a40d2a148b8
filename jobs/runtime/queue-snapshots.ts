import type { Queue } from 'bullmq';
import type { QueueSnapshot } from './metrics.js';

const STATES = ['wait', 'prioritized', 'active', 'delayed', 'failed'] as const;

/**
 * What `/metrics` reports per queue: job counts by state (one LLEN/ZCARD each) and the creation
 * time of the oldest waiting job (one LRANGE of one element) — a constant cost per scrape
 * however long the queues grow.
 */
export async function readQueueSnapshots(queues: readonly Queue[]): Promise<QueueSnapshot[]> {
  return Promise.all(
    queues.map(async (queue) => {
      const [counts, oldest] = await Promise.all([queue.getJobCounts(...STATES), queue.getJobs(['wait'], 0, 0, true)]);
      return { queue: queue.name, counts, oldestWaitingAt: oldest[0]?.timestamp };
    }),
  );
}
