import { performance } from 'node:perf_hooks';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import { configSchema } from '../../src/config/index.js';
import { isWirewatchError } from '../../src/errors.js';
import { processStory, type ProcessStoryDeps } from '../../src/pipeline/process-story.js';
import { createKeyedSerialiser } from '../../src/pipeline/serialise-by-key.js';
import { createDroppedStories, createIncidentStore, TIMER_PAUSE } from '../../jobs/runtime/stores.js';
import { BURST_NOW, hotIncidentBurst } from '../support/hot-incident.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

// A hot incident: 2,000 reports of one attack on one city, 16 in flight (a story worker's
// concurrency × 2), through classify + match + atomic commit on the real Redis. The reference is
// the same burst in the same run without per-place ordering (optimistic commits racing, as before).

const STORIES = 2_000;
const IN_FLIGHT = 16;

async function runBurst(serialised: boolean): Promise<{ rate: number; conflicts: number; failed: number }> {
  const redis = createTestRedis();
  const prefix = uniquePrefix('bench-burst');
  const runtime = { redis, prefix, config: configSchema.parse({}) };
  const deps: ProcessStoryDeps = {
    incidents: createIncidentStore(runtime),
    dropped: createDroppedStories(runtime),
    policy: createMatchPolicy(runtime.config.incidents),
    clock: () => BURST_NOW,
    pause: TIMER_PAUSE,
    ...(serialised ? { serialise: createKeyedSerialiser() } : {}),
  };
  const queue = hotIncidentBurst(STORIES, serialised ? 'ordered' : 'racing');
  let conflicts = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let story = queue.shift(); story; story = queue.shift()) {
        try {
          const outcome = await processStory(story, deps);
          if (outcome.outcome !== 'dropped') conflicts += outcome.attempts - 1;
        } catch (error) {
          if (!isWirewatchError(error, 'store_conflict')) throw error;
          failed += 1;
        }
      }
    }),
  );
  const rate = STORIES / ((performance.now() - started) / 1000);
  await deletePrefix(redis, prefix);
  await redis.quit();
  return { rate, conflicts, failed };
}

export async function run(): Promise<void> {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const describe = (r: { rate: number; conflicts: number; failed: number }) =>
    `${fmt(r.rate)} stories/s, ${r.conflicts} commit retries, ${r.failed} stories failed with store_conflict`;
  const racing = await runBurst(false);
  console.log(`reference — ${STORIES} reports of one attack, ${IN_FLIGHT} in flight, racing (no ordering): ${describe(racing)}`);
  const ordered = await runBurst(true);
  console.log(`ordered per place (the story worker): ${describe(ordered)} — ${(ordered.rate / racing.rate).toFixed(2)}× the reference`);
}
