import type { Config } from '../../src/config/index.js';
import type { Logger } from '../../src/domain/index.js';
import { SCHEDULERS, WORKERS } from '../workers/index.js';
import type { Closeable, QueueName, RuntimeDeps } from '../workers/registry.js';
import { createQueue } from '../queues.js';
import { QUEUE_NAMES } from '../workers/registry.js';
import { startHttpServer } from './http-server.js';
import { createMetrics } from './metrics.js';
import { readQueueSnapshots } from './queue-snapshots.js';
import { readRedisPersistence } from './redis-persistence.js';
import { connectRedis, resolveRedis, warnOnEvictionPolicy } from './redis.js';
import { describeFeeds, describeNoDelivery, describeRedis } from './startup-summary.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  queues: readonly QueueName[];
  /** `run` owns the feed schedulers; plain `worker` processes do not. */
  withSchedulers: boolean;
  clock?: () => number;
  /** Tests point this at a dead address to exercise the spawned redis-server path. */
  localRedisUrl?: string;
  /** Sinks to deliver to instead of those built from platform tokens (tests, embedding). */
  sinks?: RuntimeDeps['sinks'];
  /** `WIREWATCH_CONFIG` as given, to name the feed list's origin in the start-up lines. */
  configFile?: string;
}

export interface App {
  redisUrl: string;
  redisOrigin: 'configured' | 'local-default' | 'spawned';
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 10_000;

/** Starts Redis (found or spawned), the schedulers and the workers; `close` stops them in order. */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const endpoint = await resolveRedis({
    url: config.redis.url,
    dataDir: config.redis.dataDir,
    logger,
    waitMs: config.redisWaitSeconds * 1000,
    ...(options.localRedisUrl === undefined ? {} : { localUrl: options.localRedisUrl }),
  });
  const redis = connectRedis(endpoint.url, logger);
  const persistent = endpoint.origin === 'spawned' ? true : await readRedisPersistence(redis);
  logger[persistent === false ? 'warn' : 'info'](
    { origin: endpoint.origin, persistent },
    describeRedis(endpoint, persistent, config.redis.dataDir),
  );
  await warnOnEvictionPolicy(redis, logger);
  if (options.withSchedulers) logger.info(describeFeeds(config, options.configFile));
  if (!options.queues.includes('deliver')) logger.info(describeNoDelivery(config));
  const metrics = createMetrics();
  const deps: RuntimeDeps = {
    config,
    logger,
    clock: options.clock ?? Date.now,
    redis,
    redisUrl: endpoint.url,
    prefix: config.redis.prefix,
    metrics,
    ...(options.sinks ? { sinks: options.sinks } : {}),
  };

  const components: Closeable[] = [];
  let started = false;
  const stopAll = async () => {
    // Workers first (finish or abandon jobs), then Redis, then a redis-server we own.
    for (const component of components.reverse()) await closeWithTimeout(component, logger);
    await redis.quit().catch(() => redis.disconnect());
    await endpoint.stop();
  };
  try {
    if (config.httpPort !== undefined) {
      // Every queue's depth, not only those this process works: any one process can show the backlog.
      const queues = QUEUE_NAMES.map((name) => createQueue(name, deps));
      metrics.setQueueSource(() => readQueueSnapshots(queues));
      const readiness = () => Object.assign({ started }, ...components.map((c) => c.readiness?.() ?? {})) as Record<string, boolean>;
      const http = await startHttpServer({ port: config.httpPort, redis, metrics, logger, readiness });
      components.push({
        name: 'http',
        async close() {
          await http.close();
          await Promise.all(queues.map((q) => q.close()));
        },
      });
    }
    for (const queue of options.queues) {
      const factory = WORKERS[queue];
      if (factory) components.push(await factory(deps));
      else logger.warn({ queue }, `no worker for queue '${queue}' yet`);
    }
    if (options.withSchedulers) for (const factory of SCHEDULERS) components.push(await factory(deps));
    started = true;
  } catch (error) {
    // A component that cannot start (a refused bot token) must not leave the others running,
    // or the process would hang instead of exiting with the error.
    await stopAll();
    throw error;
  }

  return {
    redisUrl: endpoint.url,
    redisOrigin: endpoint.origin,
    async close() {
      await stopAll();
      logger.info('shut down cleanly');
    },
  };
}

/** BullMQ's close() can hang forever when Redis is gone; give up after a timeout. */
async function closeWithTimeout(component: Closeable, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), CLOSE_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([component.close().then(() => 'closed' as const), timeout]);
    if (result === 'timeout') logger.warn({ component: component.name }, 'close timed out; forcing');
  } catch (error) {
    logger.warn({ component: component.name, err: error }, 'close failed');
  } finally {
    clearTimeout(timer);
  }
}
