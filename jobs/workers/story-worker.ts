import { UnrecoverableError } from 'bullmq';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import type { IncidentChange, IncidentRepository, Story } from '../../src/domain/index.js';
import { processStory, type ProcessStoryDeps } from '../../src/pipeline/process-story.js';
import { createKeyedSerialiser } from '../../src/pipeline/serialise-by-key.js';
import { createWorker, type StoryJobData } from '../queues.js';
import { createDroppedStories, createIncidentStore, TIMER_PAUSE } from '../runtime/stores.js';
import type { Closeable, RuntimeDeps } from './registry.js';

/** Classification is CPU-light and Redis-bound; a few jobs in flight keep one core busy. */
const STORY_CONCURRENCY = 8;
/** How often each worker offers to run retention cleanup; a Redis lock lets one of them do it. */
const CLEANUP_EVERY_MS = 10 * 60_000;
const CLEANUP_LOCK_MS = 60 * 60_000;

export interface StoryJobResult {
  outcome: 'opened' | 'updated' | 'unchanged' | 'duplicate' | 'dropped';
  incidentId?: string;
  version?: number;
  changes?: IncidentChange[];
}

/**
 * The `story` worker: one job = one story (job id = story id). Classifies it, joins or opens
 * its incident in Redis, and — through the commit — appends material changes to the
 * `{prefix}:incident-changes` stream that delivery reads. Retries are safe: a story already
 * recorded is a duplicate and changes nothing.
 */
export async function createStoryWorker(deps: RuntimeDeps): Promise<Closeable> {
  const store = createIncidentStore(deps);
  const logger = deps.logger.child({ component: 'story' });
  const processDeps: ProcessStoryDeps = {
    incidents: store,
    dropped: createDroppedStories(deps),
    policy: createMatchPolicy(deps.config.incidents),
    clock: deps.clock,
    pause: TIMER_PAUSE,
    // Within this process, stories about one place commit one after another; across processes
    // the optimistic commit still decides, so contention is bounded by the number of workers.
    serialise: createKeyedSerialiser(),
  };

  const worker = createWorker<StoryJobData, StoryJobResult>(
    'story',
    async (job) => {
      const story = job.data.story as Story | undefined;
      if (!story || typeof story.id !== 'string' || typeof story.title !== 'string')
        throw new UnrecoverableError('story job without a story');
      const result = await processStory(story, processDeps);
      deps.metrics.storiesProcessed.inc({ outcome: result.outcome });
      if (result.outcome === 'dropped') return { outcome: 'dropped' };
      if (result.outcome === 'duplicate') return { outcome: 'duplicate', incidentId: result.incidentId };
      if (result.outcome !== 'unchanged') deps.metrics.incidentsChanged.inc({ change: result.outcome });
      logger.debug(
        { storyId: story.id, incidentId: result.incident.id, outcome: result.outcome, version: result.incident.version },
        'story recorded',
      );
      return { outcome: result.outcome, incidentId: result.incident.id, version: result.incident.version, changes: result.changes };
    },
    deps,
    { concurrency: STORY_CONCURRENCY },
  );
  worker.on('failed', (job, error) => logger.error({ storyId: job?.data.story?.id, err: error }, 'story job failed'));
  worker.on('error', (error) => logger.warn({ err: error }, 'story worker error'));

  const cleanup = setInterval(() => void removeExpiredIncidents(deps, store), CLEANUP_EVERY_MS);
  cleanup.unref();

  return {
    name: 'story-worker',
    readiness: () => ({ 'story-worker': worker.isRunning() }),
    async close() {
      clearInterval(cleanup);
      await worker.close();
    },
  };
}

/** Retention: at most one worker per hour deletes incidents past `incidents.retentionDays`. */
export async function removeExpiredIncidents(
  deps: Pick<RuntimeDeps, 'redis' | 'prefix' | 'clock' | 'logger'>,
  store: Pick<IncidentRepository, 'removeExpired'>,
): Promise<number | undefined> {
  try {
    const lock = await deps.redis.set(`${deps.prefix}:incidents:cleanup-lock`, '1', 'PX', CLEANUP_LOCK_MS, 'NX');
    if (lock !== 'OK') return undefined;
    const removed = await store.removeExpired(deps.clock());
    if (removed > 0) deps.logger.info({ removed }, 'removed incidents past retention');
    return removed;
  } catch (error) {
    deps.logger.warn({ err: error }, 'incident cleanup failed');
    return undefined;
  }
}
