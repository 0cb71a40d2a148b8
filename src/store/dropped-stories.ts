import type { Redis } from 'ioredis';
import type { DroppedStory, DroppedStoryLog } from '../domain/index.js';
import type { IncidentKeys } from './incident-keys.js';

export type { DroppedStory } from '../domain/index.js';

export interface DroppedStoriesOptions {
  /** How many of the most recent dropped stories are kept. */
  keep?: number;
  /** The list disappears after this long without a new drop. */
  ttlSeconds?: number;
}

/**
 * Counts dropped stories (a plain counter, for status and metrics) and keeps the last few
 * with their analysis: a capped list with a TTL, so it never grows without bound.
 */
export class DroppedStories implements DroppedStoryLog {
  private readonly keep: number;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    private readonly keys: IncidentKeys,
    options: DroppedStoriesOptions = {},
  ) {
    this.keep = options.keep ?? 500;
    this.ttlSeconds = options.ttlSeconds ?? 7 * 86_400;
  }

  /** Counts and keeps the story once; a retry of the same story (same id) changes nothing. */
  async record(dropped: DroppedStory): Promise<void> {
    const first = await this.redis.set(this.keys.droppedClaim(dropped.story.id), '1', 'EX', this.ttlSeconds, 'NX');
    if (first !== 'OK') return;
    await this.redis
      .multi()
      .incr(this.keys.droppedCount())
      .lpush(this.keys.droppedRecent(), JSON.stringify(dropped))
      .ltrim(this.keys.droppedRecent(), 0, this.keep - 1)
      .expire(this.keys.droppedRecent(), this.ttlSeconds)
      .exec();
  }

  async count(): Promise<number> {
    return Number((await this.redis.get(this.keys.droppedCount())) ?? 0);
  }

  /** Newest first. */
  async recent(limit = 50): Promise<DroppedStory[]> {
    const items = await this.redis.lrange(this.keys.droppedRecent(), 0, limit - 1);
    return items.map((item) => JSON.parse(item) as DroppedStory);
  }

  async find(storyId: string): Promise<DroppedStory | undefined> {
    return (await this.recent(this.keep)).find((d) => d.story.id === storyId);
  }
}
