import { createServer, type Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { Logger } from '../../src/domain/index.js';
import type { Metrics } from './metrics.js';

/**
 * Health and metrics for operators and orchestrators: `GET /healthz` (200 when Redis answers,
 * else 503) and `GET /metrics` (Prometheus text format).
 */
export async function startHttpServer(options: {
  port: number;
  host?: string;
  redis: Redis;
  metrics: Metrics;
  logger: Logger;
}): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/healthz') {
        const redisOk = await options.redis.ping().then(
          () => true,
          () => false,
        );
        res.writeHead(redisOk ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: redisOk ? 'ok' : 'degraded', redis: redisOk ? 'ok' : 'unreachable' }));
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
  options.logger.info({ port }, `health and metrics on :${port} (/healthz, /metrics)`);
  return {
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
