import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { guardedLookup } from '../../src/feeds/address-guard.js';
import { createFeedDispatcher, createFeedFetcher, type FeedFetcher, type FeedFetcherOptions } from '../../src/feeds/fetch-feed.js';
import { describeUserAgent } from '../../src/feeds/feed-list.js';
import { readFeedDocument } from '../../src/feeds/read-feed.js';
import { eventually, startFeedServer, type FeedServer } from '../support/feed-server.js';

const RSS = readFileSync(resolve(import.meta.dirname, '../fixtures/feeds/frontline-wire.rss'));
const USER_AGENT = describeUserAgent('https://ops.example/wirewatch');

let server: FeedServer;
const fetchers: FeedFetcher[] = [];

function makeFetcher(overrides: Partial<FeedFetcherOptions> = {}): FeedFetcher {
  const fetcher = createFeedFetcher({
    allowPrivateNetworks: true,
    connectTimeoutMs: 2000,
    timeoutMs: 5000,
    maxBytes: 1024 * 1024,
    userAgent: USER_AGENT,
    ...overrides,
  });
  fetchers.push(fetcher);
  return fetcher;
}

beforeAll(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});
afterAll(() => server.close());

describe('fetchFeed over real HTTP', () => {
  it('sends an honest User-Agent, keeps validators, and a conditional GET returns unchanged on 304', async () => {
    server.route('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { 'cache-control': 'max-age=120' }).end();
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: '"v1"',
          'last-modified': 'Tue, 03 Mar 2026 04:00:00 GMT',
          'cache-control': 'public, max-age=300',
        })
        .end(RSS);
    });
    const fetcher = makeFetcher();
    const first = await fetcher.fetchFeed(`${server.url}/cond`);
    expect(first).toMatchObject({
      kind: 'fetched',
      status: 200,
      etag: '"v1"',
      lastModified: 'Tue, 03 Mar 2026 04:00:00 GMT',
      maxAgeSeconds: 300,
    });
    expect(first.kind === 'fetched' && first.body.equals(RSS)).toBe(true);
    const second = await fetcher.fetchFeed(`${server.url}/cond`, { etag: '"v1"', lastModified: 'Tue, 03 Mar 2026 04:00:00 GMT' });
    expect(second).toMatchObject({ kind: 'unchanged', status: 304, maxAgeSeconds: 120 });
    const seen = server.requests.filter((r) => r.path === '/cond');
    expect(seen[0]?.headers['user-agent']).toBe('wirewatch/0.1 (news alert bot; +https://ops.example/wirewatch)');
    expect(seen[1]?.headers['if-none-match']).toBe('"v1"');
    expect(seen[1]?.headers['if-modified-since']).toBe('Tue, 03 Mar 2026 04:00:00 GMT');
  });

  it('a body that stalls hits the total timeout and the socket is closed', async () => {
    server.route('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>'); // …and never more
    });
    const before = server.openSockets();
    await expect(makeFetcher({ timeoutMs: 300 }).fetchFeed(`${server.url}/slow`)).rejects.toMatchObject({ code: 'feed_timeout' });
    await eventually(() => server.openSockets() <= before);
  });

  it('a slow-loris trickle (a byte every 100 ms, never idle long) still hits the total timeout', async () => {
    let timer: NodeJS.Timeout | undefined;
    server.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
    });
    await expect(makeFetcher({ timeoutMs: 600 }).fetchFeed(`${server.url}/trickle`)).rejects.toMatchObject({ code: 'feed_timeout' });
    clearInterval(timer);
  });

  it('headers that never come also time out', async () => {
    server.route('/silent', () => undefined);
    await expect(makeFetcher({ timeoutMs: 300 }).fetchFeed(`${server.url}/silent`)).rejects.toMatchObject({ code: 'feed_timeout' });
  });

  it('an oversized body is cut off at the cap while streaming', async () => {
    let written = 0;
    let finished = false;
    server.route('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 200 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        finished = true;
        res.end();
      };
      res.on('close', () => (finished = false));
      pump();
    });
    await expect(makeFetcher({ maxBytes: 100_000 }).fetchFeed(`${server.url}/huge`)).rejects.toMatchObject({ code: 'feed_too_large' });
    expect(finished).toBe(false);
    expect(written).toBeLessThan(200 * 1024 * 1024);
  });

  it.each([
    ['gzip', (b: Buffer) => gzipSync(b)],
    ['br', (b: Buffer) => brotliCompressSync(b)],
  ] as const)('a %s bomb is stopped at the cap after decompression', async (encoding, compress) => {
    const bomb = compress(Buffer.alloc(32 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    server.route(`/bomb-${encoding}`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding }).end(bomb),
    );
    await expect(makeFetcher({ maxBytes: 1024 * 1024 }).fetchFeed(`${server.url}/bomb-${encoding}`)).rejects.toMatchObject({
      code: 'feed_too_large',
    });
  });

  it('decompresses gzip and decodes a windows-1251 feed named in Content-Type', async () => {
    const xml =
      '<rss version="2.0"><channel><title>Новини</title><item><title>Обстріл Харкова: пошкоджено підстанцію</title><guid>n-1</guid></item></channel></rss>';
    server.route('/cp1251', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/xml; charset=windows-1251', 'content-encoding': 'gzip' })
        .end(gzipSync(iconv.encode(xml, 'windows-1251'))),
    );
    const result = await makeFetcher().fetchFeed(`${server.url}/cp1251`);
    if (result.kind !== 'fetched') throw new Error('expected a body');
    const doc = await readFeedDocument(result.body, result.contentType, { feedId: 'kh', now: 0 });
    expect(doc.stories[0]?.title).toBe('Обстріл Харкова: пошкоджено підстанцію');
    expect(doc.title).toBe('Новини');
  });

  it('follows up to 5 redirects and refuses a loop with feed_too_many_redirects', async () => {
    for (let i = 1; i <= 5; i++)
      server.route(`/hop${i}`, (_req, res) => res.writeHead(i % 2 ? 302 : 301, { location: i === 5 ? '/cond' : `/hop${i + 1}` }).end());
    const chained = await makeFetcher().fetchFeed(`${server.url}/hop1`);
    expect(chained).toMatchObject({ kind: 'fetched', url: `${server.url}/cond` });
    server.route('/loop', (_req, res) => res.writeHead(307, { location: `${server.url}/loop` }).end());
    await expect(makeFetcher().fetchFeed(`${server.url}/loop`)).rejects.toMatchObject({ code: 'feed_too_many_redirects' });
  });

  it('maps HTTP errors, bad URLs and refused connections to coded errors', async () => {
    server.route('/gone', (_req, res) => res.writeHead(410).end('gone'));
    await expect(makeFetcher().fetchFeed(`${server.url}/gone`)).rejects.toMatchObject({
      code: 'feed_http_status',
      detail: { status: 410 },
    });
    await expect(makeFetcher().fetchFeed('ftp://example.org/feed')).rejects.toMatchObject({ code: 'feed_bad_url' });
    await expect(makeFetcher().fetchFeed('http://127.0.0.1:1/feed')).rejects.toMatchObject({ code: 'feed_network' });
  });
});

describe('SSRF guard (allowPrivateNetworks off)', () => {
  it('refuses a loopback feed by IP and by name', async () => {
    const fetcher = makeFetcher({ allowPrivateNetworks: false });
    await expect(fetcher.fetchFeed(`${server.url}/cond`)).rejects.toMatchObject({ code: 'feed_blocked_address' });
    await expect(fetcher.fetchFeed(`http://localhost:${server.port}/cond`)).rejects.toMatchObject({ code: 'feed_blocked_address' });
    await expect(fetcher.fetchFeed(`http://[::ffff:127.0.0.1]:${server.port}/cond`)).rejects.toMatchObject({
      code: 'feed_blocked_address',
    });
    expect(server.requests.some((r) => r.headers.host === `localhost:${server.port}`)).toBe(false);
  });

  it('checks the resolved addresses in the socket lookup, where a name could point anywhere', async () => {
    const error = await new Promise<unknown>((done) => guardedLookup('localhost', {}, (e) => done(e)));
    expect(error).toMatchObject({ code: 'feed_blocked_address' });
    // The URL pre-check is skipped here, so only the connect-time lookup stands in the way.
    const guarded = createFeedDispatcher({ allowPrivateNetworks: false, connectTimeoutMs: 2000, timeoutMs: 5000 });
    const before = server.requests.length;
    const fetcher = makeFetcher({ allowPrivateNetworks: true, dispatcher: guarded });
    await expect(fetcher.fetchFeed(`http://localhost:${server.port}/cond`)).rejects.toMatchObject({ code: 'feed_blocked_address' });
    expect(server.requests.length).toBe(before);
    await guarded.close();
  });

  it('checks again after a redirect', async () => {
    // A "public" name that this dispatcher resolves to the test server, as if DNS said so.
    const publicLike = new Agent({ connect: { lookup: (_host, _opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]) } });
    server.route('/to-private', (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${server.port}/cond` }).end());
    const fetcher = makeFetcher({ allowPrivateNetworks: false, dispatcher: publicLike });
    await expect(fetcher.fetchFeed(`http://feeds.public.test:${server.port}/to-private`)).rejects.toMatchObject({
      code: 'feed_blocked_address',
    });
    expect(server.requests.filter((r) => r.path === '/to-private')).toHaveLength(1);
    await publicLike.close();
  });
});
