import type { Redis } from 'ioredis';
import type { Config } from '../../src/config/index.js';
import type { Clock, Logger, Platform, Sink } from '../../src/domain/index.js';
import type { Metrics } from '../runtime/metrics.js';

export const QUEUE_NAMES = ['poll', 'story', 'deliver'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** What every worker and scheduler gets from the composition root. */
export interface RuntimeDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Shared connection for stores (commands); BullMQ creates its own from `redisUrl`. */
  redis: Redis;
  redisUrl: string;
  /** Hash-tagged key prefix, `{wirewatch}` by default; BullMQ's `prefix` too. */
  prefix: string;
  metrics: Metrics;
  /** Sinks given directly (tests, embedding), by platform or `console`; otherwise built from tokens. */
  sinks?: Partial<Record<Platform | 'console', Sink>>;
}

/** A running piece of the runtime that shutdown must close (worker, scheduler, watchdog…). */
export interface Closeable {
  name: string;
  close(): Promise<void>;
  /** For `/readyz`: each part this component runs (its worker, the adapters it connected) and whether it is up. */
  readiness?(): Record<string, boolean>;
}

export type ComponentFactory = (deps: RuntimeDeps) => Promise<Closeable>;
