import { Queue, Worker, type ConnectionOptions, type JobsOptions, type Processor, type WorkerOptions } from 'bullmq';
import type { ChannelAddress } from '../src/domain/index.js';
import type { Story } from '../src/domain/story.js';
import type { QueueName, RuntimeDeps } from './workers/registry.js';

/**
 * Queue names, job payloads and job options in one place, so the producer of a job and its
 * worker can never disagree. Every queue lives under the deployment's hash-tagged prefix, so a
 * Redis Cluster keeps each queue's keys in one slot.
 */

/** `poll`: one feed; the job scheduler id is the feed id. */
export interface PollJobData {
  feedId: string;
  /** Poll even if the feed's next attempt is not due (an operator's "poll now"). */
  force?: boolean;
}

/** `story`: one new story; the job id is the story id. */
export interface StoryJobData {
  story: Story;
}

/** `deliver`: one (incident version, target); the job id is incident + target + version. */
export interface DeliverJobData {
  incidentId: string;
  version: number;
  /** Delivery-log key: a channel key (`slack/T1/C1`) or `console` for the catch-all console view. */
  target: string;
  channel: ChannelAddress;
}

export const POLL_JOB_NAME = 'poll';
export const DELIVER_JOB_NAME = 'deliver';
export const STORY_JOB_NAME = 'story';

/** A poll that fails is the feed's business (backoff in feed state), not the queue's: no retries. */
export const POLL_JOB_OPTIONS = {
  attempts: 1,
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
} satisfies JobsOptions;

/**
 * Story jobs retry (classification and Redis hiccups are transient). Completed jobs are kept a
 * day: while a job exists its id blocks a re-enqueue of the same story, which covers a poll that
 * crashed between enqueueing and recording the story as seen.
 */
export const STORY_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 24 * 3600, count: 20_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
} satisfies JobsOptions;

/**
 * Deliveries retry transient platform errors for about an hour. Completed jobs are kept a week so
 * their id keeps a re-enqueued (incident, channel, version) a no-op; the delivery log in Redis is
 * what really prevents a second post.
 */
export const DELIVER_JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
} satisfies JobsOptions;

/** BullMQ refuses `:` in job ids; incident ids and channel keys never contain one. */
export function deliverJobId(data: Pick<DeliverJobData, 'incidentId' | 'target' | 'version'>): string {
  return `${data.incidentId}/${data.target}/v${data.version}`;
}

type QueueDeps = Pick<RuntimeDeps, 'redisUrl' | 'prefix'>;

/** BullMQ opens (and closes) its own connections from these options. */
export function toConnectionOptions(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.replace('/', '');
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

export function createQueue<Data>(name: QueueName, deps: QueueDeps): Queue<Data> {
  return new Queue<Data>(name, { connection: toConnectionOptions(deps.redisUrl), prefix: deps.prefix });
}

export function createWorker<Data, Result>(
  name: QueueName,
  processor: Processor<Data, Result>,
  deps: QueueDeps,
  options: Omit<WorkerOptions, 'connection' | 'prefix'> = {},
): Worker<Data, Result> {
  return new Worker<Data, Result>(name, processor, { ...options, connection: toConnectionOptions(deps.redisUrl), prefix: deps.prefix });
}

/** One `story` job per story, id = story id, so enqueueing the same story twice is a no-op. */
export async function enqueueStories(queue: Queue<StoryJobData>, stories: readonly Story[]): Promise<void> {
  if (stories.length === 0) return;
  await queue.addBulk(stories.map((story) => ({ name: STORY_JOB_NAME, data: { story }, opts: { ...STORY_JOB_OPTIONS, jobId: story.id } })));
}
