import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../src/domain/ports.js';
import { listFeedSources, type FeedSource } from '../../src/feeds/feed-list.js';
import { acquireLock, releaseLock, renewLock } from '../runtime/redis-lock.js';
import { createQueue, POLL_JOB_NAME, POLL_JOB_OPTIONS, type PollJobData } from '../queues.js';
import type { Closeable, RuntimeDeps } from './registry.js';

/**
 * One BullMQ job scheduler per feed on the `poll` queue, id = feed id. Only one process manages
 * them (a Redis lock, renewed on every watchdog tick and taken over when its holder dies), so
 * several `run` processes never fight over the config. The same tick is the watchdog: BullMQ
 * schedulers have been known to stop firing when their next delayed job is lost, so a scheduler
 * that is missing, or whose next run is long past, is re-created.
 */
export const WATCHDOG_INTERVAL_MS = 30_000;

export interface SchedulerCheck {
  /** Feeds whose scheduler was created or restored in this pass. */
  restored: string[];
  /** Schedulers removed because their feed left the config. */
  removed: string[];
}

/** Makes the schedulers match the feed list: upsert missing/changed/stalled ones, remove strays. */
export async function checkFeedSchedulers(
  queue: Queue<PollJobData>,
  feeds: readonly FeedSource[],
  now: number,
  logger: Logger,
): Promise<SchedulerCheck> {
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const wanted = new Set(feeds.map((f) => f.id));
  const restored: string[] = [];
  const removed: string[] = [];
  for (const feed of feeds) {
    const every = feed.intervalSeconds * 1000;
    const scheduler = existing.get(feed.id);
    const stalled = scheduler?.next !== undefined && scheduler.next < now - Math.max(2 * every, 60_000);
    if (scheduler && scheduler.every === every && !stalled) continue;
    if (stalled) {
      logger.warn({ feedId: feed.id, next: scheduler?.next }, 'feed scheduler stopped firing; restoring it');
      await queue.removeJobScheduler(feed.id);
    }
    await queue.upsertJobScheduler(feed.id, { every }, { name: POLL_JOB_NAME, data: { feedId: feed.id }, opts: POLL_JOB_OPTIONS });
    restored.push(feed.id);
  }
  for (const id of existing.keys()) {
    if (wanted.has(id)) continue;
    await queue.removeJobScheduler(id);
    removed.push(id);
  }
  if (restored.length > 0 || removed.length > 0) logger.info({ restored, removed }, 'feed schedulers updated');
  return { restored, removed };
}

/** The SCHEDULERS factory: lock, sync, then the watchdog tick until closed. */
export async function createFeedSchedulers(deps: RuntimeDeps, options: { intervalMs?: number } = {}): Promise<Closeable> {
  const intervalMs = options.intervalMs ?? WATCHDOG_INTERVAL_MS;
  const logger = deps.logger.child({ component: 'feed-schedulers' });
  const queue = createQueue<PollJobData>('poll', deps);
  const lock = createLeaderLock(deps.redis, `${deps.prefix}:lock:feed-schedulers`, intervalMs * 3);
  const feeds = listFeedSources(deps.config);
  let running: Promise<unknown> = Promise.resolve();

  const tick = async () => {
    try {
      if (await lock.holdOrAcquire()) await checkFeedSchedulers(queue, feeds, deps.clock(), logger);
    } catch (error) {
      logger.warn({ err: error }, 'feed scheduler check failed; retrying next tick');
    }
  };
  await tick();
  const timer = setInterval(() => {
    running = tick();
  }, intervalMs);
  timer.unref();
  logger.info({ feeds: feeds.map((f) => f.id), leader: lock.isHeld() }, 'feed schedulers started');

  return {
    name: 'feed-schedulers',
    async close() {
      clearInterval(timer);
      await running;
      await lock.release();
      await queue.close();
    },
  };
}

interface LeaderLock {
  holdOrAcquire(): Promise<boolean>;
  isHeld(): boolean;
  release(): Promise<void>;
}

function createLeaderLock(redis: Redis, key: string, ttlMs: number): LeaderLock {
  const token = randomUUID();
  let held = false;
  return {
    async holdOrAcquire() {
      held = held ? await renewLock(redis, key, token, ttlMs) : false;
      if (!held) held = (await acquireLock(redis, key, ttlMs, token)) !== undefined;
      return held;
    },
    isHeld: () => held,
    async release() {
      if (held) await releaseLock(redis, key, token);
      held = false;
    },
  };
}
