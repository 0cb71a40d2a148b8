import type { Clock, Logger } from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import { isWirewatchError } from '../errors.js';
import type { FeedStateStore } from '../store/feed-state.js';
import type { OperatorNotices } from '../store/operator-notices.js';
import type { SeenStories } from '../store/seen-stories.js';
import { chooseDelaySeconds } from './cache-hints.js';
import type { FeedFetcher } from './fetch-feed.js';
import type { FeedSource } from './feed-list.js';
import { readFeedDocument } from './read-feed.js';

export interface PollPolicy {
  backfillWindowSeconds: number;
  failureThreshold: number;
  maxBackoffSeconds: number;
  maxCacheSeconds: number;
}

export interface PollDeps {
  fetcher: FeedFetcher;
  state: FeedStateStore;
  seen: SeenStories;
  notices: OperatorNotices;
  /** Hands new stories to the next stage; must be idempotent per story id (BullMQ job id). */
  enqueueStories(stories: readonly Story[]): Promise<void>;
  policy: PollPolicy;
  clock: Clock;
  logger: Logger;
}

export type PollOutcome =
  | { outcome: 'skipped'; feedId: string; until: number }
  | { outcome: 'unchanged'; feedId: string }
  | { outcome: 'fetched'; feedId: string; stories: number; unseen: number; enqueued: number; firstPoll: boolean }
  | { outcome: 'failed'; feedId: string; code: string; failures: number; failing: boolean };

/**
 * One poll of one feed: fetch (conditional), parse, find stories not seen before, hand them on,
 * then remember them. Handing on comes before remembering, so a crash in between re-sends (and
 * the story id as job id absorbs it) rather than losing a story. Feed failures are recorded and
 * returned, not thrown: the feed's own backoff governs retries, not the queue's.
 */
export async function pollFeed(feed: FeedSource, deps: PollDeps, options: { force?: boolean } = {}): Promise<PollOutcome> {
  const now = deps.clock();
  const state = await deps.state.get(feed.id);
  // A quarter-interval of slack, so scheduler jitter never turns "every 60 s" into "every 120 s".
  const slackMs = (feed.intervalSeconds * 1000) / 4;
  if (!options.force && state.nextAttemptAt !== undefined && state.nextAttemptAt - slackMs > now) {
    return { outcome: 'skipped', feedId: feed.id, until: state.nextAttemptAt };
  }
  try {
    const result = await deps.fetcher.fetchFeed(feed.url, { etag: state.etag, lastModified: state.lastModified });
    // Next attempt counts from the start of this one, so a slow feed keeps the scheduler's rhythm.
    const finishedAt = deps.clock();
    if (result.kind === 'unchanged') {
      const delay = chooseDelaySeconds(feed.intervalSeconds, [result.maxAgeSeconds], deps.policy.maxCacheSeconds);
      await recordSuccess(feed, deps, { status: 304, at: finishedAt, nextAttemptAt: now + delay * 1000 }, state.failingSince !== undefined);
      return { outcome: 'unchanged', feedId: feed.id };
    }
    const doc = await readFeedDocument(result.body, result.contentType, { feedId: feed.id, source: feed.name, baseUrl: result.url, now });
    const ids = doc.stories.map((s) => s.id);
    const { firstPoll, unseen } = await deps.seen.findUnseen(feed.id, ids);
    const fresh = doc.stories.filter((s) => unseen.has(s.id) && isWorthSending(s, firstPoll, now, deps));
    if (fresh.length > 0) await deps.enqueueStories(fresh);
    await deps.seen.markSeen(feed.id, ids, now);
    const delay = chooseDelaySeconds(feed.intervalSeconds, [result.maxAgeSeconds, doc.ttlSeconds], deps.policy.maxCacheSeconds);
    await recordSuccess(
      feed,
      deps,
      {
        status: 200,
        at: finishedAt,
        nextAttemptAt: now + delay * 1000,
        etag: result.etag,
        lastModified: result.lastModified,
        repaired: doc.repaired,
      },
      state.failingSince !== undefined,
    );
    deps.logger.debug({ feedId: feed.id, stories: ids.length, unseen: unseen.size, enqueued: fresh.length, firstPoll }, 'feed polled');
    return { outcome: 'fetched', feedId: feed.id, stories: ids.length, unseen: unseen.size, enqueued: fresh.length, firstPoll };
  } catch (error) {
    if (!isWirewatchError(error) || !error.code.startsWith('feed_')) throw error;
    return recordFailure(feed, deps, error.code, error.message, error.detail);
  }
}

/**
 * The first poll of a feed only passes on what is newer than the backfill window (undated items
 * count as old), so adding a feed never floods a channel with its archive. Later polls pass on
 * every unseen story, except one older than the seen-set's memory: that is an item we may have
 * seen and forgotten, re-surfacing.
 */
function isWorthSending(story: Story, firstPoll: boolean, now: number, deps: PollDeps): boolean {
  const published = Date.parse(story.published);
  if (firstPoll) return !story.publishedEstimated && published >= now - deps.policy.backfillWindowSeconds * 1000;
  return published >= now - deps.seen.maxAgeSeconds * 1000;
}

async function recordSuccess(
  feed: FeedSource,
  deps: PollDeps,
  record: Parameters<FeedStateStore['recordSuccess']>[1],
  wasFailing: boolean,
): Promise<void> {
  await deps.state.recordSuccess(feed.id, record);
  if (!wasFailing) return;
  deps.logger.info({ feedId: feed.id }, 'feed recovered');
  await deps.notices.record({
    kind: 'feed_recovered',
    feedId: feed.id,
    message: `feed ${feed.id} (${feed.name}) is working again`,
    at: new Date(record.at).toISOString(),
  });
}

async function recordFailure(
  feed: FeedSource,
  deps: PollDeps,
  code: string,
  message: string,
  detail: Record<string, unknown> | undefined,
): Promise<PollOutcome> {
  const at = deps.clock();
  const state = await deps.state.get(feed.id);
  const failures = state.consecutiveFailures + 1;
  const delaySeconds = chooseBackoffSeconds(feed.intervalSeconds, failures, deps.policy.maxBackoffSeconds, detail?.retryAfter);
  const count = await deps.state.recordFailure(feed.id, { code, message, at, nextAttemptAt: at + delaySeconds * 1000 });
  deps.logger.warn({ feedId: feed.id, code, err: message, failures: count, retryInSeconds: delaySeconds }, 'feed poll failed');
  // Exactly at the threshold, so the operator hears once per outage, not on every later failure.
  const failing = count >= deps.policy.failureThreshold;
  if (count === deps.policy.failureThreshold) {
    const reason = `${code}: ${message}`;
    await deps.state.markFailing(feed.id, reason, at);
    await deps.notices.record({
      kind: 'feed_failing',
      feedId: feed.id,
      code,
      message: `feed ${feed.id} (${feed.name}) failing after ${count} attempts: ${reason}`,
      at: new Date(at).toISOString(),
    });
  }
  return { outcome: 'failed', feedId: feed.id, code, failures: count, failing };
}

/** interval × 2^(failures−1), capped; a server's Retry-After (seconds) is honoured within the cap. */
export function chooseBackoffSeconds(intervalSeconds: number, failures: number, maxBackoffSeconds: number, retryAfter?: unknown): number {
  const exponential = intervalSeconds * 2 ** Math.min(Math.max(failures - 1, 0), 30);
  const asked = typeof retryAfter === 'string' && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : 0;
  return Math.min(Math.max(exponential, asked), Math.max(maxBackoffSeconds, intervalSeconds));
}
