import { performance } from 'node:perf_hooks';
import { describeRecipientQuery, describeSubscriptionQuery, selectRecipients } from '../../src/delivery/match-subscriptions.js';
import type { Incident, Subscription } from '../../src/domain/index.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

// Fan-out matching (subscription index read + filter) for one incident, with 100 subscriptions
// and with 100,000 over 5,000 regions, in the same run, two ways: what fan-out does
// (`findRecipients`: compact index entries filtered inside Redis, only channel keys come back) and,
// for reference, loading every candidate's JSON and filtering it here (`findMatching` +
// `selectRecipients`, how fan-out worked before). Regions: the two countries, their
// first-level regions, and synthetic towns under them, so a town strike reads three index sets.
const OBLASTS = [
  ...Array.from({ length: 27 }, (_, i) => `UA-${String(i + 5).padStart(2, '0')}`),
  ...Array.from({ length: 83 }, (_, i) => `RU-R${i}`),
];
const REGIONS = ['UA', 'RU', ...OBLASTS];
while (REGIONS.length < 5000) REGIONS.push(`${OBLASTS[REGIONS.length % OBLASTS.length]}/town-${REGIONS.length}`);
const TOWNS = REGIONS.filter((code) => code.includes('/'));

function subscriptionOf(i: number): Subscription {
  const region = REGIONS[(i * 7919) % REGIONS.length]!;
  return {
    channel: { platform: i % 2 === 0 ? 'slack' : 'discord', workspace: `W${i % 50}`, channel: `C${i}` },
    region,
    regionName: region,
    kinds: i % 3 === 0 ? ['strike'] : ['strike', 'negotiation'],
    minSeverity: (['low', 'medium', 'high', 'critical'] as const)[i % 4]!,
    createdBy: 'bench',
    createdAt: '2026-12-01T00:00:00Z',
  };
}

function incidentAt(i: number): Incident {
  const town = TOWNS[(i * 104_729) % TOWNS.length]!;
  return {
    id: `bench-${i}`,
    kinds: ['strike'],
    regions: [{ code: town, name: town }],
    headline: '',
    summary: '',
    facts: { weapons: [], casualties: {}, targets: [] },
    severity: 'high',
    firstSeen: '',
    lastSeen: '',
    lastUpdated: '',
    sources: [],
    version: 1,
    history: [],
    clarity: 0,
    reports: [],
  };
}

type Match = (store: SubscriptionStore, incident: Incident) => Promise<number>;
const viaIndex: Match = async (store, incident) => (await store.findRecipients(describeRecipientQuery(incident, ancestorsOf))).length;
const viaJson: Match = async (store, incident) =>
  selectRecipients(incident, await store.findMatching(describeSubscriptionQuery(incident, ancestorsOf)), ancestorsOf).length;

/** One round: every incident matched once, one at a time (as the fan-out consumer does). */
async function measureRound(store: SubscriptionStore, incidents: readonly Incident[], match: Match) {
  let matched = 0;
  const start = performance.now();
  for (const incident of incidents) matched += await match(store, incident);
  return { perSecond: incidents.length / ((performance.now() - start) / 1000), matched: matched / incidents.length };
}

/** Rounds alternate between the two stores, so a busy moment on a shared machine hits both; medians. */
async function measurePair(a: SubscriptionStore, b: SubscriptionStore, incidents: readonly Incident[], match: Match, rounds = 9) {
  const results: { a: number; b: number; matchedA: number; matchedB: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const ra = await measureRound(a, incidents, match);
    const rb = await measureRound(b, incidents, match);
    results.push({ a: ra.perSecond, b: rb.perSecond, matchedA: ra.matched, matchedB: rb.matched });
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
  return {
    a: median(results.map((r) => r.a)),
    b: median(results.map((r) => r.b)),
    ratio: median(results.map((r) => r.a / r.b)),
    matchedA: Math.round(results[0]?.matchedA ?? 0),
    matchedB: Math.round(results[0]?.matchedB ?? 0),
  };
}

async function seed(store: SubscriptionStore, count: number): Promise<void> {
  for (let i = 0; i < count; i += 2000) {
    await Promise.all(Array.from({ length: Math.min(2000, count - i) }, (_, j) => store.save(subscriptionOf(i + j))));
  }
}

export async function run(): Promise<void> {
  const redis = createTestRedis();
  const small = uniquePrefix('bench-fanout-small');
  const large = uniquePrefix('bench-fanout-large');
  try {
    const smallStore = new SubscriptionStore(redis, small);
    const largeStore = new SubscriptionStore(redis, large);
    await seed(smallStore, 100);
    const seedStart = performance.now();
    await seed(largeStore, 100_000);
    const seedMs = performance.now() - seedStart;
    const incidents = Array.from({ length: 1000 }, (_, i) => incidentAt(i));
    for (const [name, match] of [
      ['index (findRecipients, what fan-out uses)', viaIndex],
      ['JSON per candidate (findMatching + selectRecipients, the old path)', viaJson],
    ] as const) {
      await measurePair(smallStore, largeStore, incidents.slice(0, 200), match, 1);
      const pair = await measurePair(smallStore, largeStore, incidents, match);
      console.log(`${name}:`);
      console.log(`  100 subscriptions: ${Math.round(pair.a)} incidents/s (${pair.matchedA} channels each)`);
      console.log(`  100,000 subscriptions: ${Math.round(pair.b)} incidents/s (${pair.matchedB} channels each)`);
      console.log(`  time ratio 100,000 : 100 = ${pair.ratio.toFixed(2)}× (median of alternating rounds; goal ≤ 2×)`);
    }
    console.log(`seeded 100,000 subscriptions over ${REGIONS.length} regions in ${(seedMs / 1000).toFixed(1)} s`);
    const scanStart = performance.now();
    const all = await largeStore.listAll();
    const scanMs = performance.now() - scanStart;
    console.log(`for scale, reading all ${all.length} subscriptions once (what a scan would cost per incident): ${scanMs.toFixed(0)} ms`);
  } finally {
    await deletePrefix(redis, small);
    await deletePrefix(redis, large);
    redis.disconnect();
  }
}
