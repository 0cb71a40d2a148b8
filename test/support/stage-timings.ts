import type { Job } from 'bullmq';
import { createQueue, type DeliverJobData, type StoryJobData } from '../../jobs/queues.js';

/**
 * Where the processing time of an alert goes, read back from what BullMQ already records on each
 * job (added, started, finished), so the runtime needs no timing code of its own:
 * fetch done → story job added (parse, seen set, enqueue) → story job started (queue wait) →
 * story job finished (classify, extract, match, commit) → deliver job added (stream read,
 * fan-out) → deliver job started (queue wait) → post received by the fake (lock, order, slot,
 * intent, HTTP post).
 */
export const STAGES = ['poll→story', 'story wait', 'story', 'fan-out', 'deliver wait', 'deliver→post'] as const;
export type Stage = (typeof STAGES)[number];

export interface AlertTiming {
  /** Epoch ms the feed response carrying the story finished. */
  fetchedAt: number;
  /** Epoch ms the fake platform received the post. */
  postedAt: number;
  storyTitle: string;
  /** Delivery-log target of the post (`slack/T…/C…`, `discord/…`). */
  target: string;
}

export async function readStageTimings(
  deps: { redisUrl: string; prefix: string },
  alerts: readonly AlertTiming[],
): Promise<Map<Stage, number[]>> {
  const storyQueue = createQueue<StoryJobData>('story', deps);
  const deliverQueue = createQueue<DeliverJobData>('deliver', deps);
  try {
    const stories = (await storyQueue.getJobs(['completed'], 0, -1)) as Job<StoryJobData, { incidentId?: string }>[];
    const delivers = await deliverQueue.getJobs(['completed'], 0, -1);
    const stages = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
    for (const alert of alerts) {
      const story = stories.find((j) => j.data.story.title === alert.storyTitle);
      const incidentId = story?.returnvalue?.incidentId;
      const deliver = delivers
        .filter((j) => j.data.incidentId === incidentId && j.data.target === alert.target)
        .sort((a, b) => a.timestamp - b.timestamp)[0];
      if (!story?.processedOn || !story.finishedOn || !deliver?.processedOn) continue;
      const points = [alert.fetchedAt, story.timestamp, story.processedOn, story.finishedOn, deliver.timestamp, deliver.processedOn];
      const ends = [...points.slice(1), alert.postedAt];
      STAGES.forEach((stage, i) => stages.get(stage)?.push(ends[i]! - points[i]!));
    }
    return stages;
  } finally {
    await storyQueue.close();
    await deliverQueue.close();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** One line per stage: p50 / p99 / max, so the slow stage stands out. */
export function describeStages(stages: Map<Stage, number[]>): string[] {
  return [...stages].map(
    ([stage, values]) =>
      `  ${stage.padEnd(13)} p50 ${Math.round(percentile(values, 50))} ms, p99 ${Math.round(percentile(values, 99))} ms, max ${Math.round(Math.max(...values))} ms (${values.length} alerts)`,
  );
}
