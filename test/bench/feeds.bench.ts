import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Parser from 'rss-parser';
import { SaxesParser } from 'saxes';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import { decodeFeedBody } from '../../src/feeds/decode-feed-body.js';
import { createFeedFetcher } from '../../src/feeds/fetch-feed.js';
import { pollFeed, type PollDeps } from '../../src/feeds/poll-feed.js';
import { readFeedDocument } from '../../src/feeds/read-feed.js';
import { createFeedStateStore } from '../../src/store/feed-state.js';
import { createOperatorNotices } from '../../src/store/operator-notices.js';
import { createSeenStories } from '../../src/store/seen-stories.js';
import { buildRss } from '../support/feed-builder.js';
import { startFeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

/**
 * Feed ingestion throughput against a local HTTP server: full polls (fetch, decode, parse,
 * normalise, seen-set in Redis) per second for 200 and 304 responses, and stories normalised per
 * second next to rss-parser's bare `parseString` on the same documents.
 */
const POLLS = 400;
const CONCURRENCY = 8;
const PARSE_ROUNDS = 30;

export async function run(): Promise<void> {
  const now = Date.now();
  const feedXml = buildRss(
    Array.from({ length: 50 }, (_, i) => ({
      guid: `bench-${i}`,
      title: `Bench story ${i} about a drone attack on a power plant`,
      published: now - i * 60_000,
    })),
  );
  await benchPolls(feedXml, now);
  await benchNormalise(feedXml);
}

async function benchPolls(feedXml: string, now: number): Promise<void> {
  if (!(await answersPing(TEST_REDIS_URL))) {
    console.log(`polls: skipped (no Redis at ${TEST_REDIS_URL})`);
    return;
  }
  const server = await startFeedServer();
  server.route('/200', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"b1"' }).end(feedXml));
  server.route('/304', (req, res) => {
    if (req.headers['if-none-match'] === '"b1"') return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"b1"' }).end(feedXml);
  });
  const redis = createTestRedis();
  const prefix = uniquePrefix('bench');
  const fetcher = createFeedFetcher({
    allowPrivateNetworks: true,
    connectTimeoutMs: 5000,
    timeoutMs: 10_000,
    maxBytes: 5 << 20,
    userAgent: 'wirewatch-bench',
  });
  const deps: PollDeps = {
    fetcher,
    state: createFeedStateStore(redis, prefix),
    seen: createSeenStories(redis, prefix),
    notices: createOperatorNotices(redis, prefix),
    enqueueStories: () => Promise.resolve(),
    policy: { backfillWindowSeconds: 3600, failureThreshold: 10, maxBackoffSeconds: 3600, maxCacheSeconds: 900 },
    clock: () => now,
    logger: silentLogger,
  };
  try {
    for (const kind of ['200', '304'] as const) {
      // CONCURRENCY feeds on the same server, polled round-robin as the worker would.
      const feeds = Array.from({ length: CONCURRENCY }, (_, i) => ({
        id: `bench-${kind}-${i}`,
        url: `${server.url}/${kind}`,
        name: 'Bench',
        intervalSeconds: 60,
      }));
      await Promise.all(feeds.map((feed) => pollFeed(feed, deps, { force: true }))); // warm-up + validators
      const started = performance.now();
      await Promise.all(
        feeds.map(async (feed) => {
          for (let i = 0; i < POLLS / CONCURRENCY; i++) await pollFeed(feed, deps, { force: true });
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `polls, ${kind} responses (${Buffer.byteLength(feedXml)} B, 50 items, concurrency ${CONCURRENCY}): ${(POLLS / seconds).toFixed(0)} feeds/s`,
      );
    }
  } finally {
    await fetcher.close();
    await deletePrefix(redis, prefix);
    await redis.quit();
    await server.close();
  }
}

async function benchNormalise(feedXml: string): Promise<void> {
  const bare = new Parser();
  // Only documents both can read, so neither side is credited for failing fast.
  const candidates = [Buffer.from(feedXml), ...listFeedFiles().map((f) => readFileSync(f))];
  const documents: Buffer[] = [];
  for (const doc of candidates) {
    const ok = await bare
      .parseString(decodeFeedBody(doc))
      .then(() => readFeedDocument(doc, undefined, { feedId: 'bench', now: 0 }))
      .then(
        () => true,
        () => false,
      );
    if (ok) documents.push(doc);
  }
  const texts = documents.map((d) => decodeFeedBody(d));
  const measure = async (parseOne: (i: number) => Promise<number>) => {
    let items = 0;
    const started = performance.now();
    for (let round = 0; round < PARSE_ROUNDS; round++) {
      for (let i = 0; i < documents.length; i++) items += await parseOne(i);
    }
    return { items, seconds: (performance.now() - started) / 1000 };
  };
  const ours = (i: number) =>
    readFeedDocument(documents[i]!, undefined, { feedId: 'bench', now: Date.now() }).then((d) => d.stories.length);
  const reference = (i: number) => bare.parseString(texts[i]!).then((f) => f.items.length);
  // A raw SAX pass (saxes, events only, nothing built): the floor any XML feed parser stands on.
  const floor = (i: number) => {
    let items = 0;
    const sax = new SaxesParser();
    sax.on('opentag', (tag) => void ((tag.name === 'item' || tag.name === 'entry') && items++));
    sax.write(texts[i]!).close();
    return Promise.resolve(items);
  };
  // Alternate the three, five trials each, and report median (min–max), so JIT warm-up and GC favour none.
  const trials: Record<'ours' | 'reference' | 'floor', { items: number; seconds: number }[]> = { ours: [], reference: [], floor: [] };
  for (let trial = 0; trial < 5; trial++) {
    trials.reference.push(await measure(reference));
    trials.ours.push(await measure(ours));
    trials.floor.push(await measure(floor));
  }
  const rates = (runs: { items: number; seconds: number }[]) => runs.map((r) => r.items / r.seconds).sort((a, b) => a - b);
  const median = (runs: { items: number; seconds: number }[]) => rates(runs)[Math.floor(runs.length / 2)]!;
  const report = (label: string, runs: { items: number; seconds: number }[]) => {
    const sorted = rates(runs);
    console.log(
      `${label}: ${median(runs).toFixed(0)} items/s (min–max ${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)}; ${documents.length} documents × ${PARSE_ROUNDS} rounds, median of ${runs.length})`,
    );
  };
  report('wirewatch readFeedDocument (decode + parse + normalise)', trials.ours);
  report('reference: rss-parser bare parseString', trials.reference);
  report('floor: saxes raw SAX pass', trials.floor);
  console.log(
    `parse ratio: ${(median(trials.ours) / median(trials.reference)).toFixed(2)}× rss-parser (goal ≥ 0.8×), ${(median(trials.ours) / median(trials.floor)).toFixed(2)}× the SAX floor`,
  );
}

function listFeedFiles(): string[] {
  const own = resolve(import.meta.dirname, '../fixtures/feeds');
  const shared = resolve(import.meta.dirname, '../../../shared/feeds');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.(rss|atom|rdf|xml|json)$/.test(name) ? [path] : [];
    });
  return [own, shared].filter((dir) => existsSync(dir)).flatMap(walk);
}
