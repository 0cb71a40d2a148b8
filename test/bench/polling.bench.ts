import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { QueueEvents } from 'bullmq';
import { createQueue, POLL_JOB_NAME, toConnectionOptions, type PollJobData } from '../../jobs/queues.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import { createPollWorker } from '../../jobs/workers/poll-worker.js';
import { configSchema } from '../../src/config/index.js';
import { runtimeDepsFor } from '../support/deliver-runtime.js';
import { buildRss } from '../support/feed-builder.js';
import { startFeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// One real poll worker (BullMQ, concurrency 64, per-feed lock, safe fetch, feed state and seen set
// in Redis) with 1,000 and `--feeds N` (default 100,000) feeds configured, polling a sample of
// them against a local server that answers 304 to 19 requests in 20 and a changed 50-item feed
// to the rest. Reference in the same run: bare undici conditional GETs answered 304, same
// concurrency. Goal (issue 15): ≥ 333 checks/s at 100,000 feeds (a 5-minute cycle per worker).

const CHECKS = 3_000;
const CONCURRENCY = 64; // the poll worker's default `pollConcurrency`

function feedCountArg(): number {
  const i = process.argv.indexOf('--feeds');
  const value = i >= 0 ? Number(process.argv[i + 1]) : 100_000;
  return Number.isInteger(value) && value >= 1_000 ? value : 100_000;
}

export async function run(): Promise<void> {
  if (!(await answersPing(TEST_REDIS_URL))) return void console.log(`polling: skipped (no Redis at ${TEST_REDIS_URL})`);
  const server = await startFeedServer();
  let served = 0;
  server.route('/feed', (req, res) => {
    served += 1;
    if (req.headers['if-none-match'] === '"v1"' && served % 20 !== 0) return res.writeHead(304).end();
    const items = Array.from({ length: 50 }, (_, i) => ({
      guid: `s-${served}-${i}`,
      title: `Story ${i}`,
      published: Date.now() - i * 60_000,
    }));
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(buildRss(items));
  });
  const reference = await bareUndici(`${server.url}/feed`);
  console.log(`reference: bare undici conditional GET → 304, ${CONCURRENCY} in flight: ${Math.round(reference)} requests/s`);
  for (const feeds of [1_000, feedCountArg()]) {
    const rate = await pollWorkerRate(server.url, feeds);
    console.log(
      `poll worker, ${feeds.toLocaleString('en-US')} feeds configured, mostly 304: ${Math.round(rate)} checks/s ` +
        `(${((rate / reference) * 100).toFixed(1)} % of bare undici; ${rate >= 333 ? 'meets' : 'below'} the 333 checks/s goal)`,
    );
  }
  await server.close();
}

async function bareUndici(url: string): Promise<number> {
  const agent = new Agent({ connections: CONCURRENCY });
  let left = CHECKS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) {
        const res = await request(url, { dispatcher: agent, headers: { 'if-none-match': '"v1"' } });
        await res.body.dump();
      }
    }),
  );
  const rate = CHECKS / ((performance.now() - started) / 1000);
  await agent.close();
  return rate;
}

async function pollWorkerRate(base: string, feedCount: number): Promise<number> {
  const prefix = uniquePrefix('bench-poll');
  const redis = createTestRedis();
  const config = configSchema.parse({
    allowPrivateNetworks: true,
    redis: { prefix },
    feeds: Array.from({ length: feedCount }, (_, i) => ({ id: `f${i}`, url: `${base}/feed?f=${i}`, intervalSeconds: 300 })),
  });
  const deps = runtimeDepsFor(config, redis, prefix);
  const queue = createQueue<PollJobData>('poll', deps);
  const events = new QueueEvents('poll', { connection: toConnectionOptions(TEST_REDIS_URL), prefix });
  await events.waitUntilReady();
  const worker = await createPollWorker(deps);
  // Distinct feeds only: a feed polled twice at once is answered 'busy' by its lock, which is cheap.
  const checks = Math.min(CHECKS, feedCount);
  const sample = Array.from({ length: checks }, (_, i) => `f${Math.floor((i * feedCount) / checks)}`);
  const pass = async (round: number) => {
    const drained = new Promise<void>((done) => events.once('drained', () => done()));
    const started = performance.now();
    await queue.addBulk(
      sample.map((feedId) => ({ name: POLL_JOB_NAME, data: { feedId, force: true }, opts: { jobId: `${feedId}-${round}` } })),
    );
    await drained;
    return checks / ((performance.now() - started) / 1000);
  };
  await pass(0); // first polls: 200s that record validators and seen sets
  const rate = await pass(1);
  await worker.close();
  await events.close();
  await queue.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
  return rate;
}
