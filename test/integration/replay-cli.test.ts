import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHA_REPORTS } from '../support/delivery-fixtures.js';
import { runWirewatch } from '../support/cli.js';
import { buildRss } from '../support/feed-builder.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// The real binary, no platform token: replay goes through story and deliver queues to the console.
const prefix = uniquePrefix('replay');
const env = { REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'info' };
const redis = createTestRedis();
let dir: string;
let feed: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ww-replay-'));
  feed = join(dir, 'demo-wire.xml');
  const [first] = BUCHA_REPORTS;
  await writeFile(
    feed,
    buildRss([
      { guid: 'bucha-1', title: first!.title, description: first!.summary, published: Date.now() - 10 * 60_000 },
      {
        guid: 'dockers',
        title: 'Dock workers begin 48-hour strike over pay',
        description: 'Port unions walked out after wage talks collapsed.',
      },
    ]),
  );
});
afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
  await rm(dir, { recursive: true, force: true });
});

describe('wirewatch replay', () => {
  it('with no subscription prints every alert on the console, says why once, and exits when done', async () => {
    const result = await runWirewatch(['replay', feed], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('alerts go to the console (no Slack or Discord token set)');
    expect(result.stderr.match(/console shows every alert/g)).toHaveLength(1);
    expect(result.stdout).toContain('NEW ALERT → all alerts ── STRIKE · HIGH · Kyiv Oblast, Ukraine');
    expect(result.stdout).toContain(BUCHA_REPORTS[0]!.title);
    expect(result.stdout).not.toContain('Dock workers');
    expect(result.stdout.match(/NEW ALERT/g)).toHaveLength(1);
  });

  it('skips stories it has seen, and routes to a subscribed channel once one exists', async () => {
    const again = await runWirewatch(['replay', feed], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('2 stories, 0 replayed');
    expect(again.stdout).not.toContain('NEW ALERT');
    const sub = await runWirewatch(
      ['subscribe', '--platform', 'discord', '--channel', '42', '--workspace', 'G1', '--region', 'Kyiv Oblast'],
      { env },
    );
    expect(sub.code, sub.stderr).toBe(0);
    const other = join(dir, 'other-wire.xml');
    const [, second] = BUCHA_REPORTS;
    await writeFile(
      other,
      buildRss([{ guid: 'bucha-2', title: second!.title, description: second!.summary, published: Date.now() - 5 * 60_000 }], {
        title: 'Other Wire',
      }),
    );
    const result = await runWirewatch(['replay', other], { env });
    expect(result.code, result.stderr).toBe(0);
    // The console already showed this incident: it keeps updating that view, and posts to the new channel.
    expect(result.stdout).toContain('NEW ALERT → discord G1/42');
    expect(result.stdout).toMatch(/UPDATE of inc-\S+ → all alerts/);
  });
});
