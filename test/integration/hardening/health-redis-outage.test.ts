import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/cli.js';
import { buildRss } from '../../support/feed-builder.js';
import { startFeedServer } from '../../support/feed-server.js';
import { freePort, startPrivateRedis } from '../../support/private-redis.js';

async function health(port: number): Promise<number | 'no answer'> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) });
    await res.text();
    return res.status;
  } catch {
    return 'no answer';
  }
}

async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, attempts = 100): Promise<T> {
  let value = await probe();
  for (let i = 0; i < attempts && !ok(value); i++) {
    await new Promise((done) => setTimeout(done, 100));
    value = await probe();
  }
  return value;
}

describe('/healthz while Redis is down (real run process, real redis-server)', () => {
  it('answers 503 at once instead of hanging, and 200 again when Redis is back', async () => {
    const redis = await startPrivateRedis();
    const feeds = await startFeedServer();
    feeds.route('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss([])));
    const dir = await mkdtemp(join(tmpdir(), 'ww-health-'));
    await writeFile(join(dir, 'feeds.yaml'), `feeds:\n  - id: local\n    url: ${feeds.url}/feed.xml\n`);
    const httpPort = await freePort();
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'bin/wirewatch.js'), 'run'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        REDIS_URL: redis.url,
        WIREWATCH_CONFIG: join(dir, 'feeds.yaml'),
        WIREWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
        WIREWATCH_HTTP_PORT: String(httpPort),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.resume();
    try {
      expect(
        await waitFor(
          () => health(httpPort),
          (s) => s === 200,
        ),
      ).toBe(200);
      await redis.stop();
      expect(await health(httpPort)).toBe(503);
      await redis.start();
      const after = await waitFor(
        () => health(httpPort),
        (s) => s === 200,
      );
      expect(after).toBe(200);
    } finally {
      const closed = new Promise((done) => child.once('close', done));
      child.kill('SIGTERM');
      // A worker whose Redis restarted underneath it may take the runtime's 10 s forced close.
      const forced = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await closed;
      clearTimeout(forced);
      await redis.dispose();
      await feeds.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
