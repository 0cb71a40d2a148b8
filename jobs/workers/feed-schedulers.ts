import { createHash, randomUUID } from 'node:crypto';
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
 * that is missing, or whose next run is long past and whose next job is gone, is re-created.
 * A next run that is past while its job still waits is normal after downtime: BullMQ runs it
 * as soon as a worker is up, so it is left alone (and no warning is logged).
 *
 * At 100,000 feeds one full pass reads every scheduler (≈2 s), so only the first tick does it;
 * later ticks compare the scheduler count with the feed count (one ZCARD) and check only the
 * `WATCHDOG_BATCH` schedulers whose next run is earliest: BullMQ keeps them ordered by next run,
 * so a stalled one (next run long past) is always among the first.
 */
export const WATCHDOG_INTERVAL_MS = 30_000;
export const WATCHDOG_BATCH = 2_000;
/** From this many feeds on, first runs are spread over one interval. */
export const SPREAD_FROM_FEEDS = 100;

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
  const spread = feeds.length >= SPREAD_FROM_FEEDS;
  for (const feed of feeds) {
    if (await syncScheduler(queue, feed, existing.get(feed.id), now, logger, spread)) restored.push(feed.id);
  }
  for (const id of existing.keys()) {
    if (wanted.has(id)) continue;
    await queue.removeJobScheduler(id);
    removed.push(id);
  }
  if (restored.length > 0 || removed.length > 0) logger.info({ restored, removed }, 'feed schedulers updated');
  return { restored, removed };
}

type SchedulerInfo = Awaited<ReturnType<Queue<PollJobData>['getJobSchedulers']>>[number];

/** Creates, updates or restores one feed's scheduler; true when it wrote one. */
async function syncScheduler(
  queue: Queue<PollJobData>,
  feed: FeedSource,
  scheduler: SchedulerInfo | undefined,
  now: number,
  logger: Logger,
  spread: boolean,
): Promise<boolean> {
  const every = feed.intervalSeconds * 1000;
  const stalled = scheduler !== undefined && (await isStalled(queue, scheduler, every, now));
  if (scheduler && scheduler.every === every && !stalled) return false;
  if (stalled) {
    logger.warn({ feedId: feed.id, next: scheduler?.next }, 'feed scheduler stopped firing; restoring it');
    await queue.removeJobScheduler(feed.id);
  }
  // With many feeds the offset spreads first runs over one interval by feed id, so 100,000 new
  // schedulers do not put 100,000 jobs in `wait` at once (a start-up burst against every feed
  // host); a small deployment polls a new feed at once, which is what a first-time user expects.
  await queue.upsertJobScheduler(feed.id, spread ? { every, offset: spreadOffset(feed.id, every) } : { every }, {
    name: POLL_JOB_NAME,
    data: { feedId: feed.id },
    opts: POLL_JOB_OPTIONS,
  });
  return true;
}

async function isStalled(queue: Queue<PollJobData>, scheduler: SchedulerInfo, every: number, now: number): Promise<boolean> {
  if (scheduler.next === undefined || scheduler.next >= now - Math.max(2 * every, 60_000)) return false;
  const nextJob = await queue.getJob(`repeat:${scheduler.key}:${scheduler.next}`);
  return nextJob === undefined;
}

/** A stable 1 … every−1 ms offset from the feed id (0 would mean "no offset" to BullMQ). */
export function spreadOffset(feedId: string, every: number): number {
  const hash = createHash('sha1').update(feedId).digest().readUInt32BE(0);
  return 1 + (hash % Math.max(1, every - 1));
}

/**
 * A watchdog tick after the first: a count mismatch (a scheduler vanished, or the config and
 * Redis disagree) triggers a full pass; otherwise the earliest-due schedulers are checked.
 */
export async function checkEarliestSchedulers(
  queue: Queue<PollJobData>,
  feeds: ReadonlyMap<string, FeedSource>,
  batch: number,
  now: number,
  logger: Logger,
): Promise<SchedulerCheck> {
  if ((await queue.getJobSchedulersCount()) !== feeds.size) return checkFeedSchedulers(queue, [...feeds.values()], now, logger);
  const restored: string[] = [];
  for (const scheduler of await queue.getJobSchedulers(0, batch - 1, true)) {
    const feed = feeds.get(scheduler.key);
    if (feed && (await syncScheduler(queue, feed, scheduler, now, logger, feeds.size >= SPREAD_FROM_FEEDS))) restored.push(feed.id);
  }
  return { restored, removed: [] };
}

/** The SCHEDULERS factory: lock, sync, then the watchdog tick until closed. */
export async function createFeedSchedulers(deps: RuntimeDeps, options: { intervalMs?: number; batch?: number } = {}): Promise<Closeable> {
  const intervalMs = options.intervalMs ?? WATCHDOG_INTERVAL_MS;
  const logger = deps.logger.child({ component: 'feed-schedulers' });
  const queue = createQueue<PollJobData>('poll', deps);
  const lock = createLeaderLock(deps.redis, `${deps.prefix}:lock:feed-schedulers`, intervalMs * 3);
  const feeds = listFeedSources(deps.config);
  let running: Promise<unknown> = Promise.resolve();
  const feedsById = new Map(feeds.map((f) => [f.id, f]));
  // False until a full pass ran under the lock (at start, and again after losing the lock or an error).
  let synced = false;

  const tick = async () => {
    try {
      if (!(await lock.holdOrAcquire())) {
        synced = false;
        return;
      }
      if (synced) await checkEarliestSchedulers(queue, feedsById, options.batch ?? WATCHDOG_BATCH, deps.clock(), logger);
      else await checkFeedSchedulers(queue, feeds, deps.clock(), logger);
      synced = true;
    } catch (error) {
      synced = false;
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
