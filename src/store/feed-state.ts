import type { Redis } from 'ioredis';

/**
 * What we remember about each feed between polls, in one Redis hash per feed: validators for
 * conditional GET, health (last status, failures, failing since/why) and when to try next.
 * Times are epoch ms. `status` and the watchdog read it; the poller writes it.
 */
export interface FeedState {
  feedId: string;
  etag?: string;
  lastModified?: string;
  /** '200', '304', or the error code of the last failed attempt. */
  lastStatus?: string;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  consecutiveFailures: number;
  /** Not polled before this (backoff after failures, or the publisher's cache hint). */
  nextAttemptAt?: number;
  /** Set when the feed crossed the failure threshold; cleared on the next success. */
  failingSince?: number;
  /** Why the feed is failing: `code: message` of the error that tipped it over. */
  disabledReason?: string;
  lastError?: string;
  /** What the last 200 needed repaired to parse (e.g. stray '&'); cleared by a clean document. */
  lastRepair?: string;
}

export interface SuccessRecord {
  status: 200 | 304;
  at: number;
  nextAttemptAt: number;
  /** New validators; undefined keeps the old ones (a 304 repeats none). */
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Set on a 200 whose document needed a lenient repair. */
  repaired?: string | undefined;
}

export interface FailureRecord {
  code: string;
  message: string;
  at: number;
  nextAttemptAt: number;
}

export interface FeedStateStore {
  get(feedId: string): Promise<FeedState>;
  list(feedIds: readonly string[]): Promise<FeedState[]>;
  /** Returns the state before the write, so the caller can tell a recovery. */
  recordSuccess(feedId: string, record: SuccessRecord): Promise<FeedState>;
  /** Counts the failure atomically; returns the new count. */
  recordFailure(feedId: string, record: FailureRecord): Promise<number>;
  markFailing(feedId: string, reason: string, at: number): Promise<void>;
  /** Ids of every feed that has state (configured now or in the past). */
  knownFeeds(): Promise<string[]>;
  forget(feedId: string): Promise<void>;
}

export function feedStateKey(prefix: string, feedId: string): string {
  return `${prefix}:feed:${feedId}:state`;
}

const NUMBER_FIELDS = ['lastAttemptAt', 'lastSuccessAt', 'consecutiveFailures', 'nextAttemptAt', 'failingSince'] as const;
const TEXT_FIELDS = ['etag', 'lastModified', 'lastStatus', 'disabledReason', 'lastError', 'lastRepair'] as const;

export function createFeedStateStore(redis: Redis, prefix: string): FeedStateStore {
  const key = (feedId: string) => feedStateKey(prefix, feedId);
  const indexKey = `${prefix}:feeds`;
  const get = async (feedId: string) => toFeedState(feedId, await redis.hgetall(key(feedId)));
  return {
    get,
    list: (feedIds) => Promise.all(feedIds.map(get)),
    async recordSuccess(feedId, record) {
      const before = await get(feedId);
      const fields: Record<string, string> = {
        lastStatus: String(record.status),
        lastAttemptAt: String(record.at),
        lastSuccessAt: String(record.at),
        consecutiveFailures: '0',
        nextAttemptAt: String(record.nextAttemptAt),
      };
      if (record.etag !== undefined) fields.etag = record.etag;
      if (record.lastModified !== undefined) fields.lastModified = record.lastModified;
      const cleared = ['failingSince', 'disabledReason'];
      if (record.repaired !== undefined) fields.lastRepair = record.repaired.slice(0, 200);
      else if (record.status === 200) cleared.push('lastRepair');
      await redis
        .multi()
        .hset(key(feedId), fields)
        .hdel(key(feedId), ...cleared)
        .sadd(indexKey, feedId)
        .exec();
      return before;
    },
    async recordFailure(feedId, record) {
      const results = await redis
        .multi()
        .hincrby(key(feedId), 'consecutiveFailures', 1)
        .hset(key(feedId), {
          lastStatus: record.code,
          lastAttemptAt: String(record.at),
          nextAttemptAt: String(record.nextAttemptAt),
          lastError: `${record.code}: ${record.message}`.slice(0, 500),
        })
        .sadd(indexKey, feedId)
        .exec();
      const count = results?.[0]?.[1];
      return typeof count === 'number' ? count : Number(count ?? 0);
    },
    async markFailing(feedId, reason, at) {
      await redis.hset(key(feedId), { failingSince: String(at), disabledReason: reason.slice(0, 500) });
    },
    knownFeeds: () => redis.smembers(indexKey),
    async forget(feedId) {
      await redis.multi().del(key(feedId)).srem(indexKey, feedId).exec();
    },
  };
}

function toFeedState(feedId: string, hash: Record<string, string>): FeedState {
  const state: FeedState = { feedId, consecutiveFailures: 0 };
  for (const field of NUMBER_FIELDS) {
    const value = hash[field];
    if (value !== undefined && value !== '' && Number.isFinite(Number(value))) state[field] = Number(value);
  }
  for (const field of TEXT_FIELDS) {
    const value = hash[field];
    if (value !== undefined && value !== '') state[field] = value;
  }
  return state;
}
