import { createServer, type Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { Logger } from '../../src/domain/index.js';
import type { Metrics } from './metrics.js';

const PING_TIMEOUT_MS = 1_000;

/**
 * The shared client queues commands while disconnected (`maxRetriesPerRequest: null`), so a
 * bare PING would wait for Redis to come back: health must answer now — at once when the client
 * knows it lost Redis, and within a bound when the connection is up or still being made.
 */
async function isRedisAnswering(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end') return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), timeoutMs);
  });
  try {
    return await Promise.race([
      redis.ping().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Each part of the process `/readyz` checks beyond Redis (workers, connected adapters), by name. */
export type ReadinessCheck = () => Record<string, boolean>;

/**
 * Health and metrics for operators and orchestrators: `GET /healthz` (200 when Redis answers,
 * else 503), `GET /readyz` (200 once Redis answers, every worker runs and every configured
 * adapter is connected; 503 naming what is not) and `GET /metrics` (Prometheus text format).
 */
export async function startHttpServer(options: {
  port: number;
  host?: string;
  redis: Redis;
  metrics: Metrics;
  logger: Logger;
  /** How long `/healthz` waits for Redis before answering 503. */
  pingTimeoutMs?: number;
  /** What `/readyz` asks beyond Redis; none = ready when Redis answers. */
  readiness?: ReadinessCheck;
}): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/healthz') {
        const redisOk = await isRedisAnswering(options.redis, options.pingTimeoutMs ?? PING_TIMEOUT_MS);
        res.writeHead(redisOk ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: redisOk ? 'ok' : 'degraded', redis: redisOk ? 'ok' : 'unreachable' }));
      } else if (req.method === 'GET' && req.url === '/readyz') {
        const checks = { redis: await isRedisAnswering(options.redis, options.pingTimeoutMs ?? PING_TIMEOUT_MS), ...options.readiness?.() };
        const ready = Object.values(checks).every(Boolean);
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ready ? 'ready' : 'not_ready', checks }));
      } else if (req.method === 'GET' && req.url === '/metrics') {
        res.writeHead(200, { 'content-type': options.metrics.registry.contentType });
        res.end(await options.metrics.registry.metrics());
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not_found' }));
      }
    })().catch((error: unknown) => {
      options.logger.warn({ err: error }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '0.0.0.0', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ port }, `health and metrics on :${port} (/healthz, /readyz, /metrics)`);
  return {
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
