import { afterAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../jobs/runtime/http-server.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { createMetrics } from '../../jobs/runtime/metrics.js';
import { createTestRedis } from '../support/redis.js';

const redis = createTestRedis();
afterAll(() => redis.disconnect());

describe('health and metrics server', () => {
  it('answers /healthz from Redis and serves Prometheus metrics', async () => {
    const metrics = createMetrics();
    metrics.feedPolls.inc({ feed: 'wire-a', outcome: 'ok' });
    const server = await startHttpServer({ port: 0, host: '127.0.0.1', redis, metrics, logger: silentLogger });
    const base = `http://127.0.0.1:${server.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', redis: 'ok' });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('wirewatch_feed_polls_total{feed="wire-a",outcome="ok"} 1');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    await server.close();
  });

  it('reports 503 when Redis is unreachable', async () => {
    const dead = createTestRedis();
    dead.disconnect();
    const server = await startHttpServer({ port: 0, host: '127.0.0.1', redis: dead, metrics: createMetrics(), logger: silentLogger });
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(503);
    await server.close();
  });
});
