import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedSchedulers } from '../../jobs/workers/feed-schedulers.js';
import { createPollWorker } from '../../jobs/workers/poll-worker.js';
import type { Closeable } from '../../jobs/workers/registry.js';
import { configSchema } from '../../src/config/index.js';
import { createFeedStateStore, type FeedState } from '../../src/store/feed-state.js';
import { runtimeDepsFor } from '../support/deliver-runtime.js';
import { waitUntil } from '../support/delivery-fixtures.js';
import { buildRss } from '../support/feed-builder.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

// Fault row: hostile feeds through the real poll worker (BullMQ schedulers, safe fetch, feed state
// in Redis). The fetcher's limits one by one are proven in test/integration/feeds-fetch.test.ts
// and the parser's in test/unit/feeds-hostile.test.ts; this shows that in a running worker each
// is refused within its limit, the feed is marked with the reason, memory stays bounded, and a
// good feed configured alongside is polled while the hostile ones are still hanging.
const redis = createTestRedis();
const components: Closeable[] = [];
let server: FeedServer;
const prefixes: string[] = [];

const lol = [
  '<!DOCTYPE rss [<!ENTITY a "hahahahahahahahahaha">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`),
  ']>',
].join('');
const doc = (head: string, title: string) =>
  `<?xml version="1.0"?>${head}<rss version="2.0"><channel><title>x</title><item><guid>1</guid><title>${title}</title></item></channel></rss>`;

beforeAll(async () => {
  server = await startFeedServer();
  const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x20));
  server.route('/huge', (_req, res) => {
    // 100 MB offered; the worker must hang up at its cap, long before.
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    const pump = () => {
      while (written < 100 * 1024 * 1024 && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  server.route('/bomb', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb));
  server.route('/lol', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(doc(lol, '&j;')));
  server.route('/xxe', (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(doc('<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '&x;')),
  );
  server.route('/loop', (_req, res) => res.writeHead(302, { location: `${server.url}/loop` }).end());
  server.route('/trickle', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<')), 1000);
  });
  server.route('/silent', () => undefined); // headers never sent
  server.route('/good', (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(buildRss([{ guid: 'g-1', title: 'Shelling damages a substation', published: Date.now() - 60_000 }])),
  );
});

afterAll(async () => {
  for (const component of components.reverse()) await component.close();
  for (const prefix of prefixes) await deletePrefix(redis, prefix);
  redis.disconnect();
  await server.close();
});

async function startWorker(allowPrivateNetworks: boolean, feeds: { id: string; url: string }[]) {
  const prefix = uniquePrefix('fault-hostile');
  prefixes.push(prefix);
  const config = configSchema.parse({
    allowPrivateNetworks,
    redis: { prefix },
    feeds: feeds.map((f) => ({ ...f, name: f.id, intervalSeconds: 10 })),
    feedDefaults: { maxBytes: 2 * 1024 * 1024, timeoutMs: 4_000, connectTimeoutMs: 1_000, failureThreshold: 1 },
  });
  const deps = runtimeDepsFor(config, redis, prefix);
  components.push(await createPollWorker(deps), await createFeedSchedulers(deps));
  const states = createFeedStateStore(redis, prefix);
  return (id: string): Promise<FeedState> => states.get(id);
}

describe('fault: hostile feeds in a running poll worker', () => {
  it('refuses each within its limit, marks it with the reason, keeps memory bounded and polls the good feed', async () => {
    const hostile = {
      huge: 'feed_too_large',
      bomb: 'feed_too_large',
      loop: 'feed_too_many_redirects',
      trickle: 'feed_timeout',
      silent: 'feed_timeout',
    };
    const ids = [...Object.keys(hostile), 'lol', 'xxe', 'good'];
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    try {
      const state = await startWorker(
        true,
        ids.map((id) => ({ id, url: `${server.url}/${id}` })),
      );
      // The good feed is done while the trickling and silent feeds are still being waited on.
      await waitUntil(async () => (await state('good')).lastStatus === '200', 20_000);
      expect((await state('trickle')).lastStatus).toBeUndefined();
      expect((await state('silent')).lastStatus).toBeUndefined();
      for (const [id, code] of Object.entries(hostile)) {
        await waitUntil(async () => (await state(id)).lastStatus === code, 20_000);
        expect((await state(id)).disabledReason, id).toMatch(new RegExp(`^${code}`));
      }
      // Entity documents: refused as unparseable, or parsed without expansion or the file.
      for (const id of ['lol', 'xxe']) {
        await waitUntil(async () => (await state(id)).lastStatus !== undefined, 20_000);
        const s = await state(id);
        expect(['200', 'feed_unparseable'], id).toContain(s.lastStatus);
      }
      // That no file is read is asserted on the parsed output in test/unit/feeds-hostile.test.ts.
      // The next cycle of the good feed comes on time even with the hostile ones failing beside it.
      const goodPolls = () => server.requests.filter((r) => r.path === '/good').length;
      await waitUntil(async () => goodPolls() >= 2, 20_000);
    } finally {
      clearInterval(sampler);
    }
    // A 100 MB body and a 256 MB bomb were offered; the worker's growth stays far below either.
    expect(peak - rssBefore).toBeLessThan(120 * 1024 * 1024);
  }, 60_000);

  it('refuses cloud-metadata and private addresses before connecting, and says why', async () => {
    const state = await startWorker(false, [
      { id: 'metadata', url: 'http://169.254.169.254/latest/feed.xml' },
      { id: 'private', url: 'http://10.0.0.1/feed.xml' },
      { id: 'loopback-name', url: `http://localhost:${server.port}/good` },
    ]);
    for (const id of ['metadata', 'private', 'loopback-name']) {
      await waitUntil(async () => (await state(id)).lastStatus !== undefined, 20_000);
      expect((await state(id)).lastStatus, id).toBe('feed_blocked_address');
      expect((await state(id)).disabledReason, id).toMatch(/^feed_blocked_address/);
    }
  }, 30_000);
});
