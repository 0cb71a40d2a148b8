import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Config } from '../../src/config/index.js';
import type { DroppedStoryLog, IncidentRepository } from '../../src/domain/index.js';
import { ancestorsOf } from '../../src/geo/index.js';
import type { RetryPause } from '../../src/pipeline/record-report.js';
import { DroppedStories } from '../../src/store/dropped-stories.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { IncidentStore } from '../../src/store/incident-store.js';

// The composition root's one place that turns a Redis connection into the repositories the
// pipeline, commands and status read through their ports.

export interface StoreDeps {
  redis: Redis;
  prefix: string;
  config: Pick<Config, 'incidents'>;
}

export function createIncidentStore(deps: StoreDeps): IncidentRepository {
  return new IncidentStore({
    redis: deps.redis,
    prefix: deps.prefix,
    ancestorsOf,
    retentionMs: deps.config.incidents.retentionDays * 86_400_000,
  });
}

/** The dropped-story log under the same prefix; the class, since `explain` also reads it back. */
export function createDroppedStories(deps: Pick<StoreDeps, 'redis' | 'prefix'>): DroppedStories & DroppedStoryLog {
  return new DroppedStories(deps.redis, new IncidentKeys(deps.prefix));
}

/** Real waiting between commit attempts, for workers that race on one incident. */
export const TIMER_PAUSE: RetryPause = { sleep: async (ms) => void (await sleep(ms)), jitter: Math.random };
