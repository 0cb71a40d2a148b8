import { Redis } from 'ioredis';
import { TIMER_PAUSE } from '../../jobs/runtime/stores.js';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import type { Story } from '../../src/domain/index.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { processStory, type ProcessStoryDeps } from '../../src/pipeline/process-story.js';
import { createKeyedSerialiser } from '../../src/pipeline/serialise-by-key.js';
import { DroppedStories } from '../../src/store/dropped-stories.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { argNumber, describeRange, fmt, quick, summarise } from '../support/bench-args.js';
import { DAY, NOW, seedIncidents, syntheticStory } from '../support/incident-seed.js';
import { startPrivateRedis } from '../support/private-redis.js';

// The story pipeline (issue 17: classify + extract + match, here with the atomic commit too, as
// the story worker runs it: processStory, keyed serialiser, 16 in flight on one connection) with
// 0, 10,000 and 100,000 incidents already stored (`--quick`: 0, 1,000 and 10,000), spread over
// the 30-day retention period. `--stories N` per trial (default 1,000, `--quick` 300), 5 trials
// per size (`--quick` 3), the store re-seeded before each trial so every trial starts at its
// size, on a private redis-server (FLUSHDB there is ours to do). References in the same run:
// classify + extract alone (`analyzeStory`) on the same stories, and the empty store — the goal
// is ≥ 2,000 stories/s per worker and a cost that does not grow with the store.

const IN_FLIGHT = 16;
const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });

export async function run(): Promise<void> {
  const sizes = quick() ? [0, 1_000, 10_000] : [0, 10_000, 100_000];
  const count = argNumber('--stories', quick() ? 300 : 1_000);
  const trials = quick() ? 3 : 5;
  const server = await startPrivateRedis();
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  try {
    const rates = new Map<number, number[]>(sizes.map((s) => [s, []]));
    const analyzeRates: number[] = [];
    const candidates = new Map<number, number[]>(sizes.map((s) => [s, []]));
    for (let trial = 0; trial < trials; trial++) {
      for (const size of sizes) {
        await redis.flushdb();
        await seedIncidents(redis, '{bench-pipeline}', size);
        // Fresh stories of the last 12 hours, so they meet the busiest part of the indexes.
        const stories: Story[] = Array.from({ length: count }, (_, i) => ({
          ...syntheticStory(200_000 + trial * count + i, NOW - (i % 720) * 60_000),
          id: `p-${size}-${trial}-${i}`,
          feedId: `feed-${i % 40}`,
        }));
        if (size === 0) analyzeRates.push(analyzeRate(stories));
        const measured = await pipelineRate(redis, stories);
        rates.get(size)?.push(measured.rate);
        candidates.get(size)?.push(measured.candidates / stories.length);
      }
    }
    const analyze = summarise(analyzeRates).median;
    const empty = summarise(rates.get(0) ?? []).median;
    console.log(`story pipeline, ${fmt(count)} stories per trial, ${trials} trials per size, ${IN_FLIGHT} in flight:`);
    console.log(`  reference, classify + extract alone (analyzeStory): ${describeRange(analyzeRates)} stories/s`);
    for (const [size, values] of rates) {
      const median = summarise(values).median;
      console.log(
        `  ${fmt(size).padStart(7)} incidents stored: ${describeRange(values)} stories/s → ${(median / analyze).toFixed(3)}× analyzeStory, ${(median / empty).toFixed(2)}× the empty store (goal ≥ 2,000/s: ${median >= 2_000 ? 'met' : 'not met'}); ${fmt(summarise(candidates.get(size) ?? []).median, 1)} candidate incidents read per story`,
      );
    }
  } finally {
    redis.disconnect();
    await server.dispose();
  }
}

function analyzeRate(stories: readonly Story[]): number {
  const started = performance.now();
  for (const story of stories) analyzeStory({ title: story.title, summary: story.summary });
  return stories.length / ((performance.now() - started) / 1000);
}

async function pipelineRate(redis: Redis, stories: readonly Story[]): Promise<{ rate: number; candidates: number }> {
  const prefix = '{bench-pipeline}';
  const store = new IncidentStore({ redis, prefix, ancestorsOf, retentionMs: 30 * DAY });
  // Counts the candidates each story's lookup reads: what grows with the store's density.
  let candidates = 0;
  const load = store.loadCandidates.bind(store);
  store.loadCandidates = async (...args) => {
    const set = await load(...args);
    candidates += set.candidates.length;
    return set;
  };
  const deps: ProcessStoryDeps = {
    incidents: store,
    dropped: new DroppedStories(redis, new IncidentKeys(prefix)),
    policy,
    clock: () => NOW,
    pause: TIMER_PAUSE,
    serialise: createKeyedSerialiser(),
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < stories.length) await processStory(stories[next++]!, deps);
    }),
  );
  return { rate: stories.length / ((performance.now() - started) / 1000), candidates };
}
