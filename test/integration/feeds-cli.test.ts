import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain/story.js';
import { runWirewatch } from '../support/cli.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/feeds');
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/atom', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(readFileSync(resolve(FIXTURES, 'frontline-wire.atom'))),
  );
});
afterAll(() => server.close());

describe('wirewatch parse', () => {
  it('prints one JSON story per line for a feed file', async () => {
    const result = await runWirewatch(['parse', resolve(FIXTURES, 'frontline-wire.rss'), '--feed-id', 'frontline']);
    expect(result.code).toBe(0);
    const stories = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Story);
    expect(stories).toHaveLength(5);
    expect(stories[0]).toMatchObject({
      feedId: 'frontline',
      title: 'Drones hit grain silo near river port overnight',
      published: '2026-03-03T04:15:00.000Z',
    });
    for (const story of stories) expect(story.id).toMatch(/^frontline-[0-9a-f]{24}$/);
  });

  it('exits 2 with one coded line for a page that is not a feed, or a missing file', async () => {
    const html = await runWirewatch(['parse', resolve(FIXTURES, 'not-a-feed.html')]);
    expect(html.code).toBe(2);
    expect(html.stdout).toBe('');
    expect(html.stderr).toMatch(/^feed_unparseable: [^\n]+\n$/);
    const missing = await runWirewatch(['parse', resolve(FIXTURES, 'no-such-feed.xml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^input_invalid: /);
  });

  it('fetches a URL, refusing loopback unless WIREWATCH_ALLOW_PRIVATE_NETWORKS is set', async () => {
    const allowed = await runWirewatch(['parse', `${server.url}/atom`], { env: { WIREWATCH_ALLOW_PRIVATE_NETWORKS: 'true' } });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout.trim().split('\n')).toHaveLength(2);
    const refused = await runWirewatch(['parse', `${server.url}/atom`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^feed_blocked_address: [^\n]+\n$/);
  });
});

describe('wirewatch explain <feed-url>', () => {
  it('fetches the feed safely and explains each story', async () => {
    const result = await runWirewatch(['explain', `${server.url}/atom`], { env: { WIREWATCH_ALLOW_PRIVATE_NETWORKS: 'true' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/strike|negotiation|neither/i);
    const refused = await runWirewatch(['explain', `${server.url}/atom`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^feed_blocked_address: /);
  });
});
