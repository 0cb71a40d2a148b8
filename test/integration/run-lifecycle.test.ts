import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import { REPO_ROOT } from '../support/cli.js';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

describe('wirewatch run', () => {
  it('starts, logs where its Redis is, and shuts down cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'bin/wirewatch.js'), 'run'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: uniquePrefix('run'), LOG_LEVEL: 'info', WIREWATCH_FEED_INTERVAL_SECONDS: '3600' },
      stdio: ['ignore', 'pipe', 'pipe'],
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
