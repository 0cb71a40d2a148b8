import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUCHA_REPORTS } from '../support/delivery-fixtures.js';
import { spawnWirewatchRun } from '../support/cli.js';
import { buildRss } from '../support/feed-builder.js';
import { startFeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

async function waitFor<T>(read: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function fetchText(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  } catch {
    return undefined;
  }
}

// `npm start` as a new user runs it: the real binary, no platform token, one local feed.
describe('npm start (wirewatch run) as a product', () => {
  it('says where alerts go, posts the alert to stdout, turns ready, counts it, and exits 0 on SIGTERM', async () => {
    const server = await startFeedServer();
    const [report] = BUCHA_REPORTS;
    const rss = buildRss([
      { guid: 'bucha', title: report!.title, description: report!.summary, published: Date.now() - 5 * 60_000 },
      {
        guid: 'dockers',
        title: 'Dock workers begin 48-hour strike over pay',
        description: 'Port unions walked out after wage talks collapsed.',
      },
    ]);
    server.route('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss));
    const dir = await mkdtemp(join(tmpdir(), 'ww-start-'));
    await writeFile(join(dir, 'feeds.yaml'), `feeds:\n  - id: local\n    name: Local Wire\n    url: ${server.url}/feed.xml\n`);
    const prefix = uniquePrefix('start');
    const child = spawnWirewatchRun({
      prefix,
      cwd: dir,
      env: {
        WIREWATCH_CONFIG: join(dir, 'feeds.yaml'),
        WIREWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
        WIREWATCH_HTTP_PORT: '0',
        LOG_FORMAT: 'json',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    try {
      const port = await waitFor(() => /"port":(\d+)[^\n]*health and metrics/.exec(stderr)?.[1], 'the health server');
      const base = `http://127.0.0.1:${port}`;
      await waitFor(() => (stdout.includes('NEW ALERT') ? true : undefined), 'an alert on stdout');
      expect(stdout).toContain(report!.title);
      expect(stdout).not.toContain('Dock workers');
      const ready = await waitFor(async () => {
        const res = await fetchText(`${base}/readyz`);
        return res?.status === 200 ? res : undefined;
      }, '/readyz to turn ready');
      expect(JSON.parse(ready.body)).toMatchObject({
        status: 'ready',
        checks: { redis: true, 'deliver-worker': true, 'poll-worker': true },
      });
      const metrics = await fetchText(`${base}/metrics`);
      expect(metrics?.body).toMatch(/wirewatch_alerts_total\{platform="console",outcome="posted"\} 1\b/);
      expect(metrics?.body).toMatch(/wirewatch_alert_latency_seconds_count\{platform="console"\} 1\b/);
      expect(metrics?.body).toMatch(/wirewatch_queue_jobs\{queue="deliver",state="wait"\} 0\b/);
      expect(metrics?.body).toMatch(/wirewatch_queue_oldest_waiting_seconds\{queue="story"\} 0\b/);
      // The lines a person reads first: which Redis, which feeds, where alerts go.
      expect(stderr).toContain(`using Redis at ${TEST_REDIS_URL} (configured by REDIS_URL;`);
      expect(stderr).toContain(`polling 1 feed (from ${join(dir, 'feeds.yaml')}): Local Wire`);
      expect(stderr).toContain(
        'alerts go to the console (no Slack or Discord token set) — set SLACK_BOT_TOKEN or DISCORD_TOKEN to post to chat',
      );
      // A shutdown that hangs past 10 s is killed, and a killed child has no exit code 0.
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(force);
      expect(code).toBe(0);
      expect(stderr).toContain('shut down cleanly');
    } finally {
      child.kill('SIGKILL');
      await server.close();
      await rm(dir, { recursive: true, force: true });
      const redis = createTestRedis();
      await deletePrefix(redis, prefix);
      redis.disconnect();
    }
  }, 40_000);
});
