import type { Redis } from 'ioredis';

/**
 * Which stories of a feed we have already seen, so nothing is sent twice: not after a restart,
 * not after a Redis reconnect, not when a feed re-dates its items (ids never depend on dates
 * when the feed gives a guid or link). One sorted set per feed, member = story id, score = the
 * last time the item was in the feed. Every poll refreshes the score of everything still in the
 * feed, so trimming by age only forgets items that left the feed long ago, and trimming by
 * count only forgets the longest-gone ones. The count bound follows what the feed carries
 * (twice its current items plus a margin), never below it: an id still in the feed is never
 * forgotten, however long the feed, so it can never look new again.
 */
export interface SeenStoriesOptions {
  /** Ids kept beyond those in the feed now, at least; the feed's own size again is kept too. */
  goneMargin?: number;
  /** Forget an id this long after it was last in the feed. */
  maxAgeSeconds?: number;
}

export const DEFAULT_SEEN_GONE_MARGIN = 50;
export const DEFAULT_SEEN_MAX_AGE_SECONDS = 14 * 24 * 3600;

export interface UnseenResult {
  /** True until the first poll of this feed has been recorded: everything is "unseen" then. */
  firstPoll: boolean;
  unseen: Set<string>;
}

export interface SeenStories {
  readonly maxAgeSeconds: number;
  findUnseen(feedId: string, storyIds: readonly string[]): Promise<UnseenResult>;
  /** Records the ids as present in the feed at `now` (epoch ms) and trims the set. */
  markSeen(feedId: string, storyIds: readonly string[], now: number): Promise<void>;
  /** Drops a feed's memory (used when a feed is removed for good). */
  forget(feedId: string): Promise<void>;
}

export function seenKey(prefix: string, feedId: string): string {
  return `${prefix}:feed:${feedId}:seen`;
}

/** Set once the first poll was recorded; its absence is what makes a poll "first". */
export function baselineKey(prefix: string, feedId: string): string {
  return `${prefix}:feed:${feedId}:baseline`;
}

export function createSeenStories(redis: Redis, prefix: string, options: SeenStoriesOptions = {}): SeenStories {
  const goneMargin = options.goneMargin ?? DEFAULT_SEEN_GONE_MARGIN;
  const maxAgeSeconds = options.maxAgeSeconds ?? DEFAULT_SEEN_MAX_AGE_SECONDS;
  return {
    maxAgeSeconds,
    async findUnseen(feedId, storyIds) {
      const baseline = await redis.get(baselineKey(prefix, feedId));
      if (storyIds.length === 0) return { firstPoll: baseline === null, unseen: new Set() };
      const scores = await redis.zmscore(seenKey(prefix, feedId), ...storyIds);
      const unseen = new Set(storyIds.filter((_id, i) => scores[i] === null || scores[i] === undefined));
      return { firstPoll: baseline === null, unseen };
    },
    async markSeen(feedId, storyIds, now) {
      const key = seenKey(prefix, feedId);
      const tx = redis.multi();
      if (storyIds.length > 0) tx.zadd(key, ...storyIds.flatMap((id) => [now, id]));
      tx.zremrangebyscore(key, '-inf', `(${now - maxAgeSeconds * 1000}`);
      // Present ids carry the highest score (`now`), so keeping the top `keep` keeps them all.
      const keep = storyIds.length + Math.max(storyIds.length, goneMargin);
      tx.zremrangebyrank(key, 0, -(keep + 1));
      tx.set(baselineKey(prefix, feedId), String(now), 'NX');
      const results = await tx.exec();
      const failed = results?.find(([error]) => error !== null);
      if (failed) throw failed[0];
    },
    async forget(feedId) {
      await redis.del(seenKey(prefix, feedId), baselineKey(prefix, feedId));
    },
  };
}
