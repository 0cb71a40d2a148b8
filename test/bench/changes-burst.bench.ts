import { createChannelOrder } from '../../jobs/delivery/channel-order.js';
import { fanOutIncident, planFanOut, startChangeConsumer, type FanOutDeps } from '../../jobs/delivery/fan-out.js';
import { createQueue, type DeliverJobData } from '../../jobs/queues.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { createDeliveryLog } from '../../src/store/delivery-log.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { argNumber, describeRange, summarise } from '../support/bench-args.js';
import { seedIncidents } from '../support/incident-seed.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// A burst of incident changes (what a poll instant over many feeds produces) through the fan-out
// consumer of the incident-changes stream: `--changes N` (default 100) entries appended at once →
// every deliver job enqueued. Reference in the same run: the same incidents fanned out one at a
// time with `fanOutIncident`, which is how the consumer handled a batch before it planned
// entries concurrently (the processing-p99 finding in docs/performance.md).

export async function run(): Promise<void> {
  if (!(await answersPing(TEST_REDIS_URL))) return void console.log(`changes-burst: skipped (no Redis at ${TEST_REDIS_URL})`);
  const changes = argNumber('--changes', 100);
  const consumer: number[] = [];
  const serial: number[] = [];
  for (let trial = 0; trial < 5; trial++) {
    consumer.push(await trialRun(changes, 'consumer'));
    serial.push(await trialRun(changes, 'serial'));
  }
  console.log(`${changes} changes at once → every deliver job enqueued (5 trials, alternating):`);
  console.log(`  fan-out consumer (batch planned concurrently, enqueued in stream order): ${describeRange(consumer)} ms`);
  console.log(`  reference, one incident at a time (fanOutIncident in series): ${describeRange(serial)} ms`);
  console.log(`  ratio: ${(summarise(consumer).median / summarise(serial).median).toFixed(2)}× the serial time`);
}

async function trialRun(changes: number, mode: 'consumer' | 'serial'): Promise<number> {
  const redis = createTestRedis();
  const prefix = uniquePrefix('bench-changes');
  await seedIncidents(redis, prefix, changes);
  const subscriptions = new SubscriptionStore(redis, prefix);
  for (const [channel, region] of [
    ['C1', 'UA'],
    ['C2', 'RU'],
  ] as const) {
    await subscriptions.save({
      channel: { platform: 'slack', workspace: 'T0ACME', channel },
      region,
      regionName: region,
      kinds: ['strike', 'negotiation'],
      minSeverity: 'low',
      createdBy: 'U1',
      createdAt: new Date().toISOString(),
    });
  }
  const store = new IncidentStore({ redis, prefix, ancestorsOf, retentionMs: 365 * 86_400_000 });
  const queue = createQueue<DeliverJobData>('deliver', { redisUrl: TEST_REDIS_URL, prefix });
  const keys = new IncidentKeys(prefix);
  const ids = await redis.zrange(keys.byTime(), 0, -1);
  const deps: FanOutDeps = {
    getIncident: (id) => store.getIncident(id),
    subscriptions,
    log: createDeliveryLog(redis, prefix, 86_400),
    queue,
    consoleOnly: false,
    logger: silentLogger,
    order: createChannelOrder(redis, prefix, queue),
  };
  const expected = await expectedJobs(ids, deps);
  let ms: number;
  if (mode === 'serial') {
    const started = Date.now();
    for (const id of ids) {
      const incident = await deps.getIncident(id);
      if (incident) await fanOutIncident(incident, deps);
    }
    ms = Date.now() - started;
  } else {
    const running = await startChangeConsumer(redis, keys.changes(), { ...deps, clock: Date.now, maxAgeMs: 3600_000 });
    const append = redis.pipeline();
    for (const id of ids) append.xadd(keys.changes(), '*', 'incident', id);
    const started = Date.now();
    await append.exec();
    while ((await queue.count()) < expected && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 2));
    ms = Date.now() - started;
    await running.close();
  }
  await queue.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
  return ms;
}

/** How many jobs the burst must produce, counted without enqueueing anything. */
async function expectedJobs(ids: readonly string[], deps: FanOutDeps): Promise<number> {
  let count = 0;
  for (const id of ids) {
    const incident = await deps.getIncident(id);
    if (incident) count += (await planFanOut(incident, deps)).length;
  }
  return count;
}
