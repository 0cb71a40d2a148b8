import { Redis } from 'ioredis';
import { loadConfig } from '../../jobs/config/load-config.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { createMetrics } from '../../jobs/runtime/metrics.js';
import type { RuntimeDeps } from '../../jobs/workers/registry.js';
import { TEST_REDIS_URL } from './redis.js';

/** Runtime deps for a worker built directly (no `startApp`), on its own Redis connection. */
export async function createTestRuntime(redisUrl: string, prefix: string, sinks: RuntimeDeps['sinks']): Promise<RuntimeDeps> {
  const config = await loadConfig({ REDIS_URL: redisUrl, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  return {
    config,
    logger: silentLogger,
    clock: Date.now,
    redis: new Redis(redisUrl, { maxRetriesPerRequest: null }),
    redisUrl,
    prefix,
    metrics: createMetrics(),
    ...(sinks ? { sinks } : {}),
  };
}

/** Runtime deps for a worker built directly from a parsed config, on the caller's test Redis. */
export function runtimeDepsFor(config: RuntimeDeps['config'], redis: Redis, prefix: string): RuntimeDeps {
  return { config, logger: silentLogger, clock: Date.now, redis, redisUrl: TEST_REDIS_URL, prefix, metrics: createMetrics() };
}
