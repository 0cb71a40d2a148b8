import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import { spawnWirewatchRun } from '../support/cli.js';
import { buildRss } from '../support/feed-builder.js';
import { startFeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

describe('wirewatch run', () => {
  it('starts, logs where its Redis is, and shuts down cleanly on SIGINT', async () => {
    // A local feed, so the run polls nothing on the internet.
    const server = await startFeedServer();
    server.route('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss([])));
    const dir = await mkdtemp(join(tmpdir(), 'ww-run-'));
    await writeFile(join(dir, 'feeds.yaml'), `feeds:\n  - id: local\n    url: ${server.url}/feed.xml\n`);
    const prefix = uniquePrefix('run');
    const child = spawnWirewatchRun({
      prefix,
      env: { WIREWATCH_CONFIG: join(dir, 'feeds.yaml'), WIREWATCH_ALLOW_PRIVATE_NETWORKS: 'true' },
    });
    let logs = '';
    let signalled = false;
    child.stderr.on('data', (d: Buffer) => {
      logs += d.toString();
      if (!signalled && logs.includes('wirewatch running')) signalled = child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(logs).toContain(`using Redis at ${TEST_REDIS_URL}`);
    expect(logs).toContain('shut down cleanly');
    expect(logs).not.toMatch(/"level":(50|60)/);
    expect(code).toBe(0);
    await server.close();
    await rm(dir, { recursive: true, force: true });
    const redis = createTestRedis();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('stops the redis-server it spawned itself', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ww-app-'));
    const config = await loadConfig({ WIREWATCH_REDIS_DATA_DIR: dataDir });
    const app = await startApp({ config, logger: silentLogger, queues: [], withSchedulers: false, localRedisUrl: 'redis://127.0.0.1:1' });
    expect(app.redisOrigin).toBe('spawned');
    expect(await answersPing(app.redisUrl)).toBe(true);
    await app.close();
    expect(await answersPing(app.redisUrl, 300)).toBe(false);
    await rm(dataDir, { recursive: true, force: true });
  });
});
