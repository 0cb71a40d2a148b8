import { performance } from 'node:perf_hooks';
import { createSlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { createQueue, createWorker } from '../../jobs/queues.js';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { sendStories } from '../support/delivery-fixtures.js';
import { FakeSlack } from '../support/fake-slack.js';
import { cityStrikes } from '../support/fault-stories.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// Fan-out delivery (test/bench/fanout.bench.ts measures the matching alone): one incident to `--channels N` (default 2,000; the figure is 10,000) Slack
// channels subscribed to Ukraine, through the real runtime (story worker → incident-changes
// stream → fan-out → deliver queue → @slack/web-api → the fake Slack). Reference in the same run:
// bare BullMQ, the same number of no-op jobs added in bulk and completed by a worker of the same
// concurrency (8), i.e. the queue's own cost with nothing delivered.
function channelCount(): number {
  const i = process.argv.indexOf('--channels');
  const value = i >= 0 ? Number(process.argv[i + 1]) : 2_000;
  return Number.isInteger(value) && value > 0 ? value : 2_000;
}

export async function run(): Promise<void> {
  if (!(await answersPing(TEST_REDIS_URL))) return void console.log(`fanout-deliver: skipped (no Redis at ${TEST_REDIS_URL})`);
  const channels = channelCount();
  const reference = await bareBullmq(channels);
  const redis = createTestRedis();
  const prefix = uniquePrefix('bench-fanout');
  const slack = await new FakeSlack().start();
  const subscriptions = new SubscriptionStore(redis, prefix);
  for (let i = 0; i < channels; i++) {
    await subscriptions.save({
      channel: { platform: 'slack', workspace: 'T0ACME', channel: `C${i}` },
      region: 'UA',
      regionName: 'Ukraine',
      kinds: ['strike', 'negotiation'],
      minSeverity: 'low',
      createdBy: 'U1',
      createdAt: new Date().toISOString(),
    });
  }
  const slackRuntime = createSlackRuntime({ botToken: slack.botToken, apiUrl: slack.apiUrl }, { logger: silentLogger });
  const config = await loadConfig({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  const app = await startApp({
    config,
    logger: silentLogger,
    queues: ['story', 'deliver'],
    withSchedulers: false,
    sinks: { slack: slackRuntime.sink },
  });
  const deliverQueue = createQueue('deliver', { redisUrl: TEST_REDIS_URL, prefix });
  const started = performance.now();
  await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, cityStrikes(1, 'fanout'));
  let enqueuedAt = 0;
  const posts = () => slack.callsOf('chat.postMessage').length;
  while (posts() < channels && performance.now() - started < 600_000) {
    if (!enqueuedAt) {
      const counts = await deliverQueue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
      if (Object.values(counts).reduce((a, b) => a + b, 0) >= channels) enqueuedAt = performance.now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const deliveredAt = performance.now();
  const enqueueS = (enqueuedAt - started) / 1000;
  const deliverS = (deliveredAt - started) / 1000;
  console.log(`${channels.toLocaleString('en-US')} channels, one incident: ${posts().toLocaleString('en-US')} posts`);
  console.log(`  story in → every deliver job enqueued: ${enqueueS.toFixed(1)} s (${Math.round(channels / enqueueS)} jobs/s)`);
  console.log(`  story in → every channel posted: ${deliverS.toFixed(1)} s (${Math.round(channels / deliverS)} posts/s)`);
  console.log(
    `  reference: bare BullMQ add + complete ${channels.toLocaleString('en-US')} no-op jobs: ${Math.round(reference)} jobs/s → delivery runs at ${((channels / deliverS / reference) * 100).toFixed(1)} % of the bare queue`,
  );
  console.log('  (distinct channels: the 1 message/s/channel limit never waits here; a 429 holds only its own channel)');
  await app.close();
  await slackRuntime.stop();
  await deliverQueue.close();
  await slack.stop();
  await deletePrefix(redis, prefix);
  redis.disconnect();
}

async function bareBullmq(jobs: number): Promise<number> {
  const deps = { redisUrl: TEST_REDIS_URL, prefix: uniquePrefix('bench-fanout-ref') };
  const redis = createTestRedis();
  const queue = createQueue<{ n: number }>('deliver', deps);
  let done = 0;
  const started = performance.now();
  const worker = createWorker<{ n: number }, void>('deliver', async () => void done++, deps, { concurrency: 8 });
  await queue.addBulk(Array.from({ length: jobs }, (_, n) => ({ name: 'noop', data: { n } })));
  while (done < jobs) await new Promise((r) => setTimeout(r, 20));
  const rate = jobs / ((performance.now() - started) / 1000);
  await worker.close();
  await queue.close();
  await deletePrefix(redis, deps.prefix);
  redis.disconnect();
  return rate;
}
