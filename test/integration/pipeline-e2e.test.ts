import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp, type App } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { runCli } from '../../jobs/cli/run-cli.js';
import { collectStatus, formatStatus } from '../../jobs/status/collect-status.js';
import { createIncidentStore } from '../../jobs/runtime/stores.js';
import type { Config } from '../../src/config/index.js';
import type { Incident } from '../../src/domain/index.js';
import { buildRss } from '../support/feed-builder.js';
import { createTestIo } from '../support/io.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// Two invented outlets report one invented drone attack; a third item is a labour strike that
// must never become an incident. The whole runtime (schedulers, poll and story workers) runs.
const now = Date.now();
const outletA = buildRss([
  {
    guid: 'a-1',
    title: 'Drones hit energy facility in Sumy overnight, two people injured',
    published: now - 10 * 60_000,
    description:
      'Russian drones struck an energy facility in Sumy overnight, regional officials said; two people were injured and power was cut in several districts.',
  },
  {
    guid: 'a-2',
    title: 'Dock workers in Rotterdam begin 48-hour strike over pay',
    published: now - 5 * 60_000,
    description: 'Port unions walked out on Monday after wage talks with employers collapsed.',
  },
]);
const outletB = buildRss([
  {
    guid: 'b-1',
    title: 'Sumy energy site damaged in overnight drone attack',
    published: now - 8 * 60_000,
    description:
      'An overnight Russian drone attack damaged an energy facility in the city of Sumy, leaving two people injured, the regional governor said.',
  },
]);

let server: FeedServer;
let app: App | undefined;
let dir: string;
let config: Config;
const prefix = uniquePrefix('e2e');
const redis = createTestRedis();

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/a.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(outletA));
  server.route('/b.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(outletB));
  dir = await mkdtemp(join(tmpdir(), 'ww-e2e-'));
  await writeFile(
    join(dir, 'feeds.yaml'),
    `feeds:\n  - id: outlet-a\n    url: ${server.url}/a.xml\n    name: Outlet A\n  - id: outlet-b\n    url: ${server.url}/b.xml\n    name: Outlet B\n`,
  );
});

afterAll(async () => {
  await app?.close();
  await server.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
  await rm(dir, { recursive: true, force: true });
});

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the pipeline');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('feeds → stories → incidents, end to end', () => {
  it('joins two outlets into one incident and drops the labour strike', async () => {
    config = await loadConfig({
      REDIS_URL: TEST_REDIS_URL,
      WIREWATCH_REDIS_PREFIX: prefix,
      WIREWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
      WIREWATCH_CONFIG: join(dir, 'feeds.yaml'),
      LOG_LEVEL: 'silent',
    });
    app = await startApp({ config, logger: silentLogger, queues: ['poll', 'story', 'deliver'], withSchedulers: true });
    const store = createIncidentStore({ redis, prefix, config });

    const incident = await waitFor<Incident>(async () => {
      const page = await store.list({ limit: 10 });
      const found = page.incidents.find((i) => i.sources.length === 2);
      return found;
    });
    expect(incident.kinds).toEqual(['strike']);
    expect(incident.regions.map((r) => r.code)).toContain('UA-59');
    expect(incident.sources.map((s) => s.outlet).sort()).toEqual(['Outlet A', 'Outlet B']);
    expect(incident.facts.casualties.injured).toBe(2);

    const page = await store.list({ limit: 10 });
    expect(page.incidents).toHaveLength(1);
    const dropped = await waitFor(async () => {
      const count = Number(await redis.get(`${prefix}:stories:dropped:count`));
      return count >= 1 ? count : undefined;
    });
    expect(dropped).toBe(1);
  });

  it('shows feed health and the incident in wirewatch status', async () => {
    const report = await collectStatus(config, redis, TEST_REDIS_URL);
    expect(report.feeds.map((f) => [f.feedId, f.health])).toEqual([
      ['outlet-a', 'ok'],
      ['outlet-b', 'ok'],
    ]);
    expect(report.queues.story).toMatchObject({ failed: 0 });
    expect(report.recentIncidents).toHaveLength(1);
    expect(formatStatus(report, Date.now())).toMatch(/ok\s+outlet-a/);
  });

  it('tells the operator why the labour strike was not alerted (explain --dropped)', async () => {
    const io = createTestIo({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix });
    expect(await runCli(['explain', '--dropped', '--limit', '5'], io)).toBe(0);
    expect(io.out()).toMatch(/^1 stories dropped/);
    expect(io.out()).toContain('Dock workers in Rotterdam begin 48-hour strike over pay');
    expect(io.out()).toContain('no alert');
    const bad = createTestIo({ REDIS_URL: TEST_REDIS_URL });
    expect(await runCli(['explain', '--dropped', '--limit', 'many'], bad)).toBe(2);
  });
});
