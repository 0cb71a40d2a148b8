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
  /** Feeds that got their first scheduler in this pass (first start, or a feed new in the config). */
  created: string[];
  /** Feeds whose scheduler was rewritten because their interval changed. */
  updated: string[];
  /** Feeds whose scheduler existed but vanished or stopped firing, and was re-created. */
  restored: string[];
  /** Schedulers removed because their feed left the config. */
  removed: string[];
}

type SchedulerChange = 'created' | 'updated' | 'restored';

const noChanges = (): SchedulerCheck => ({ created: [], updated: [], restored: [], removed: [] });

/**
 * One line saying what a pass changed, e.g. "feed schedulers: 8 created". A first start says
 * "created": "restored" is kept for a scheduler that existed, so an operator reading it knows
 * something went wrong.
 */
function logCheck(logger: Logger, check: SchedulerCheck): void {
  const parts = (['created', 'updated', 'restored', 'removed'] as const).filter((k) => check[k].length > 0);
  if (parts.length === 0) return;
  const fields = Object.fromEntries(parts.map((k) => [k, check[k]]));
  logger.info(fields, `feed schedulers: ${parts.map((k) => `${check[k].length} ${k}`).join(', ')}`);
}

/**
 * Makes the schedulers match the feed list: upsert missing/changed/stalled ones, remove strays.
 * `known` holds the feeds this process has already seen a scheduler for (it is added to), so a
 * scheduler missing from Redis is "restored" when it vanished and "created" when it never was.
 */
export async function checkFeedSchedulers(
  queue: Queue<PollJobData>,
  feeds: readonly FeedSource[],
  now: number,
  logger: Logger,
  known: Set<string> = new Set(),
): Promise<SchedulerCheck> {
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const wanted = new Set(feeds.map((f) => f.id));
  const check = noChanges();
  const spread = feeds.length >= SPREAD_FROM_FEEDS;
  for (const feed of feeds) {
    const change = await syncScheduler(queue, feed, existing.get(feed.id), known.has(feed.id), now, logger, spread);
    if (change) check[change].push(feed.id);
    known.add(feed.id);
  }
  for (const id of existing.keys()) {
    if (wanted.has(id)) continue;
    await queue.removeJobScheduler(id);
    check.removed.push(id);
    known.delete(id);
  }
  logCheck(logger, check);
  return check;
}

type SchedulerInfo = Awaited<ReturnType<Queue<PollJobData>['getJobSchedulers']>>[number];

/** Creates, updates or restores one feed's scheduler; what it did, or undefined when nothing. */
async function syncScheduler(
  queue: Queue<PollJobData>,
  feed: FeedSource,
  scheduler: SchedulerInfo | undefined,
  existed: boolean,
  now: number,
  logger: Logger,
  spread: boolean,
): Promise<SchedulerChange | undefined> {
  const every = feed.intervalSeconds * 1000;
  const stalled = scheduler !== undefined && (await isStalled(queue, scheduler, every, now));
  if (scheduler && scheduler.every === every && !stalled) return undefined;
  if (stalled) {
    logger.warn({ feedId: feed.id, next: scheduler?.next }, 'feed scheduler stopped firing; restoring it');
    await queue.removeJobScheduler(feed.id);
  } else if (!scheduler && existed) {
    logger.warn({ feedId: feed.id }, 'feed scheduler vanished from Redis; restoring it');
  }
  // With many feeds the offset spreads first runs over one interval by feed id, so 100,000 new
  // schedulers do not put 100,000 jobs in `wait` at once (a start-up burst against every feed
  // host); a small deployment polls a new feed at once, which is what a first-time user expects.
  await queue.upsertJobScheduler(feed.id, spread ? { every, offset: spreadOffset(feed.id, every) } : { every }, {
    name: POLL_JOB_NAME,
    data: { feedId: feed.id },
    opts: POLL_JOB_OPTIONS,
  });
  return stalled || (!scheduler && existed) ? 'restored' : scheduler ? 'updated' : 'created';
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
  known: Set<string> = new Set(feeds.keys()),
): Promise<SchedulerCheck> {
  if ((await queue.getJobSchedulersCount()) !== feeds.size) return checkFeedSchedulers(queue, [...feeds.values()], now, logger, known);
  const check = noChanges();
  for (const scheduler of await queue.getJobSchedulers(0, batch - 1, true)) {
    const feed = feeds.get(scheduler.key);
    const change = feed && (await syncScheduler(queue, feed, scheduler, true, now, logger, feeds.size >= SPREAD_FROM_FEEDS));
    if (feed && change) check[change].push(feed.id);
  }
  logCheck(logger, check);
  return check;
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
  // Feeds whose scheduler this process has seen, so a later pass can tell "vanished" from "new".
  const known = new Set<string>();
  // False until a full pass ran under the lock (at start, and again after losing the lock or an error).
  let synced = false;

  const tick = async () => {
    try {
      if (!(await lock.holdOrAcquire())) {
        synced = false;
        return;
      }
      if (synced) await checkEarliestSchedulers(queue, feedsById, options.batch ?? WATCHDOG_BATCH, deps.clock(), logger, known);
      else await checkFeedSchedulers(queue, feeds, deps.clock(), logger, known);
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
