import { performance } from 'node:perf_hooks';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { toIncidentReport } from '../../src/cluster/incident-report.js';
import { matchIncident } from '../../src/cluster/match-incident.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { clusterReports } from '../../src/pipeline/assign-incidents.js';
import { recordReport } from '../../src/pipeline/record-report.js';
import { TIMER_PAUSE } from '../../jobs/runtime/stores.js';
import { INCIDENT_STORIES } from '../fixtures/incidents/index.js';
import { DAY, NOW, seedIncidents, syntheticStory, usedMemory } from '../support/incident-seed.js';
import { scorePairwise } from '../support/pairwise.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

// Stories/s through classify + extract + match (+ the atomic commit) against a store already
// holding 100,000 incidents spread over the 30-day retention period; Redis memory per incident;
// and the clustering precision/recall behind the similarity threshold.

const INCIDENTS = 100_000;
const STORIES = 2_000;
const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });

async function printClusteringTable(): Promise<void> {
  const truth = INCIDENT_STORIES.map((f) => f.event);
  const byHand = INCIDENT_STORIES.map((f) => toIncidentReport(f.story, f.analysis, NOW));
  const analysed = INCIDENT_STORIES.map((f) =>
    toIncidentReport(f.story, analyzeStory({ title: f.story.title, summary: f.story.summary }), NOW),
  );
  console.log(
    `clustering, ${INCIDENT_STORIES.length} hand-written reports of ${new Set(truth).size} events (pairwise precision / recall):`,
  );
  console.log('  threshold | hand-labelled analysis | analyzeStory');
  // Strikes are decided by the pair-evidence threshold; talks by minSimilarity, kept at its default.
  for (const threshold of [0.2, 0.3, 0.4, 0.5, 0.6, 0.8]) {
    const cell = async (reports: typeof byHand) => {
      const s = scorePairwise(await clusterReports(reports, { ...policy, pairWeights: { ...policy.pairWeights, threshold } }, NOW), truth);
      return `${s.precision.toFixed(2)} / ${s.recall.toFixed(2)}`;
    };
    console.log(
      `  ${threshold.toFixed(2).padStart(9)} | ${(await cell(byHand)).padEnd(22)} | ${await cell(analysed)}${threshold === policy.pairWeights.threshold ? '   ← default' : ''}`,
    );
  }
}

export async function run(): Promise<void> {
  await printClusteringTable();
  const redis = createTestRedis();
  const prefix = uniquePrefix('bench-incidents');
  const store = new IncidentStore({ redis, prefix, ancestorsOf, retentionMs: 30 * DAY });
  const keys = new IncidentKeys(prefix);
  try {
    const before = await usedMemory(redis);
    const seedStart = performance.now();
    await seedIncidents(redis, prefix, INCIDENTS);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const perIncident = ((await usedMemory(redis)) - before) / INCIDENTS;
    const sampleIds = await redis.zrange(keys.byTime(), 0, 999);
    const sampleSizes = await Promise.all(sampleIds.map((id) => redis.memory('USAGE', keys.incident(id))));
    const hashBytes = sampleSizes.reduce<number>((sum, size) => sum + Number(size ?? 0), 0) / sampleSizes.length;
    console.log(`seeded ${INCIDENTS.toLocaleString('en-US')} incidents (3 sources each) in ${seedSeconds.toFixed(1)} s with pipelining`);
    console.log(
      `Redis memory per incident: ${Math.round(perIncident).toLocaleString('en-US')} bytes incl. indexes (used_memory delta); incident hash alone ${Math.round(hashBytes).toLocaleString('en-US')} bytes (MEMORY USAGE, 1,000 sampled)`,
    );

    // Fresh stories of the last hours, so they meet the busiest part of the candidate indexes.
    const stories = Array.from({ length: STORIES }, (_, i) => syntheticStory(INCIDENTS + i, NOW - (i % 720) * 60_000));
    let start = performance.now();
    const analyses = stories.map((story) => analyzeStory({ title: story.title, summary: story.summary }));
    const analyzeRate = STORIES / ((performance.now() - start) / 1000);
    const reports = stories.map((story, i) => toIncidentReport(story, analyses[i]!, NOW));

    start = performance.now();
    let candidates = 0;
    let matchMs = 0;
    for (const report of reports) {
      const set = await store.loadCandidates(report, policy);
      candidates += set.candidates.length;
      const matchStart = performance.now();
      matchIncident(
        report,
        set.candidates.map((c) => c.card),
        policy,
      );
      matchMs += performance.now() - matchStart;
    }
    const lookupRate = STORIES / ((performance.now() - start) / 1000);
    const matchRate = STORIES / (matchMs / 1000);

    start = performance.now();
    for (const [i, story] of stories.entries()) {
      const analysis = analyzeStory({ title: story.title, summary: story.summary });
      await recordReport(toIncidentReport({ ...story, id: `${story.id}-seq` }, analysis, NOW), {
        incidents: store,
        policy,
        clock: () => NOW,
        pause: TIMER_PAUSE,
      });
      if (i >= STORIES / 2) break;
    }
    const sequentialRate = STORIES / 2 / ((performance.now() - start) / 1000);

    start = performance.now();
    const inFlight = 16;
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < STORIES) {
          const story = stories[next++]!;
          const analysis = analyzeStory({ title: story.title, summary: story.summary });
          await recordReport(toIncidentReport({ ...story, id: `${story.id}-par` }, analysis, NOW), {
            incidents: store,
            policy,
            clock: () => NOW,
            pause: TIMER_PAUSE,
          });
        }
      }),
    );
    const parallelRate = STORIES / ((performance.now() - start) / 1000);

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log(`classify + extract (analyzeStory): ${fmt(analyzeRate)} stories/s`);
    console.log(
      `candidate lookup + matchIncident against ${fmt(INCIDENTS)} incidents: ${fmt(lookupRate)} stories/s (avg ${(candidates / STORIES).toFixed(1)} candidates read per story); matchIncident alone ${fmt(matchRate)} stories/s`,
    );
    console.log(`full path (analyze + match + atomic commit), one at a time: ${fmt(sequentialRate)} stories/s`);
    console.log(`full path, ${inFlight} in flight on one connection: ${fmt(parallelRate)} stories/s`);
  } finally {
    const cleanStart = performance.now();
    await deletePrefix(redis, prefix);
    console.log(`cleanup of the bench prefix: ${((performance.now() - cleanStart) / 1000).toFixed(1)} s`);
    await redis.quit();
  }
}
