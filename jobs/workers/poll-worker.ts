import { createConfiguredFetcher, listFeedSources } from '../../src/feeds/feed-list.js';
import { pollFeed, type PollDeps, type PollOutcome } from '../../src/feeds/poll-feed.js';
import { createFeedStateStore } from '../../src/store/feed-state.js';
import { createOperatorNotices } from '../../src/store/operator-notices.js';
import { createSeenStories } from '../../src/store/seen-stories.js';
import { createQueue, createWorker, enqueueStories, type PollJobData, type StoryJobData } from '../queues.js';
import { acquireLock, releaseLock } from '../runtime/redis-lock.js';
import type { Closeable, RuntimeDeps } from './registry.js';

export type PollJobResult = PollOutcome | { outcome: 'not-configured' | 'busy'; feedId: string };

/**
 * The `poll` worker: one job = one feed. Looks the feed up in the current config (a job for a
 * feed that has left the config does nothing), takes a per-feed lock so overlapping jobs never
 * poll the same feed twice at once, and runs `pollFeed`, whose new stories become `story` jobs.
 */
export async function createPollWorker(deps: RuntimeDeps): Promise<Closeable> {
  const { config } = deps;
  const storyQueue = createQueue<StoryJobData>('story', deps);
  const fetcher = createConfiguredFetcher(config);
  const pollDeps: PollDeps = {
    fetcher,
    state: createFeedStateStore(deps.redis, deps.prefix),
    seen: createSeenStories(deps.redis, deps.prefix),
    notices: createOperatorNotices(deps.redis, deps.prefix),
    enqueueStories: (stories) => enqueueStories(storyQueue, stories),
    policy: config.feedDefaults,
    clock: deps.clock,
    logger: deps.logger.child({ component: 'poll' }),
  };
  const lockMs = config.feedDefaults.timeoutMs + 30_000;
  // The config is fixed for the life of the worker (a new config means a new process), so the
  // id → feed map is built once: rebuilding the list per job cost 13 ms at 100,000 feeds.
  const feedsById = new Map(listFeedSources(config).map((feed) => [feed.id, feed]));

  const worker = createWorker<PollJobData, PollJobResult>(
    'poll',
    async (job) => {
      const feed = feedsById.get(job.data.feedId);
      if (!feed) return { outcome: 'not-configured', feedId: job.data.feedId };
      const lockKey = `${deps.prefix}:feed:${feed.id}:polling`;
      const token = await acquireLock(deps.redis, lockKey, lockMs);
      if (token === undefined) return { outcome: 'busy', feedId: feed.id };
      try {
        const outcome = await pollFeed(feed, pollDeps, { force: job.data.force === true });
        deps.metrics.feedPolls.inc({ feed: feed.id, outcome: outcome.outcome });
        if (outcome.outcome === 'fetched') deps.metrics.storiesEnqueued.inc({ feed: feed.id }, outcome.enqueued);
        return outcome;
      } finally {
        await releaseLock(deps.redis, lockKey, token);
      }
    },
    deps,
    { concurrency: config.pollConcurrency },
  );
  worker.on('failed', (job, error) => deps.logger.error({ feedId: job?.data.feedId, err: error }, 'poll job failed'));
  worker.on('error', (error) => deps.logger.warn({ err: error }, 'poll worker error'));

  return {
    name: 'poll-worker',
    readiness: () => ({ 'poll-worker': worker.isRunning() }),
    async close() {
      await worker.close();
      await storyQueue.close();
      await fetcher.close();
    },
  };
}
