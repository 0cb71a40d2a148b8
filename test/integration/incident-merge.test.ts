import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIncidentReport } from '../../src/cluster/incident-report.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import type { Incident } from '../../src/domain/index.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { processStory } from '../../src/pipeline/process-story.js';
import { recordReport } from '../../src/pipeline/record-report.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { TIMER_PAUSE } from '../../jobs/runtime/stores.js';
import { BRIDGE_FIRST, BRIDGE_REPORT, BRIDGE_VAGUE } from '../fixtures/incidents/bridge-stories.js';
import type { FixtureReport } from '../fixtures/incidents/build-report.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

const NOW = Date.parse('2025-08-01T00:00:00Z');
const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });
const reportOf = (f: FixtureReport) => toIncidentReport(f.story, f.analysis, NOW);

let redis: Redis;
const prefixes: string[] = [];

beforeAll(() => {
  redis = createTestRedis();
});
afterAll(async () => {
  for (const prefix of prefixes) await deletePrefix(redis, prefix);
  await redis.quit();
});

function freshStore(): { store: IncidentStore; keys: IncidentKeys } {
  const prefix = uniquePrefix('merge');
  prefixes.push(prefix);
  return { store: new IncidentStore({ redis, prefix, ancestorsOf, retentionMs: 30 * 86_400_000 }), keys: new IncidentKeys(prefix) };
}

describe('merging bridged incidents on the real Redis store', () => {
  it('keeps one survivor and retires the other, atomically, with one change entry each', async () => {
    const { store, keys } = freshStore();
    const deps = { incidents: store, policy, clock: () => NOW, pause: TIMER_PAUSE };
    const a = await recordReport(reportOf(BRIDGE_FIRST), deps);
    const b = await recordReport(reportOf(BRIDGE_VAGUE), deps);
    expect(a.outcome).toBe('opened');
    expect(b.outcome).toBe('opened');
    if (a.outcome === 'duplicate' || b.outcome === 'duplicate') throw new Error('unexpected duplicate');
    expect(b.incident.id).not.toBe(a.incident.id);

    const bridged = await recordReport(reportOf(BRIDGE_REPORT), deps);
    if (bridged.outcome === 'duplicate') throw new Error('unexpected duplicate');
    expect(bridged).toMatchObject({ outcome: 'updated', retired: [b.incident.id] });
    expect(bridged.incident.id).toBe(a.incident.id);

    const survivor = (await store.getIncident(a.incident.id)) as Incident;
    const retired = (await store.getIncident(b.incident.id)) as Incident;
    expect(survivor.version).toBe(2);
    expect(survivor.mergedFrom).toEqual([b.incident.id]);
    expect(survivor.sources.map((s) => s.outlet).sort()).toEqual(['Global Desk', 'Wire One', 'Wire Two']);
    expect(survivor.history.at(-1)?.changes[0]).toEqual({ field: 'merged', from: b.incident.id, to: a.incident.id });
    expect(retired.mergedInto).toBe(a.incident.id);
    expect(retired.version).toBe(2);
    expect(retired.history.at(-1)?.changes).toEqual([{ field: 'merged', to: a.incident.id }]);

    // The retired incident is in no listing: lookups and matching only see the survivor.
    expect(await redis.zrange(keys.byTime(), 0, -1)).toEqual([a.incident.id]);
    expect(await redis.zscore(keys.within('UA'), b.incident.id)).toBeNull();
    expect((await store.list({ limit: 10 })).incidents.map((i) => i.id)).toEqual([a.incident.id]);
    expect(await store.incidentOfStory(BRIDGE_REPORT.story.id)).toBe(a.incident.id);

    // Delivery reads one entry per new version: the survivor's (merged) and the retired one's.
    const entries = await redis.xrange(keys.changes(), '-', '+');
    const fields = entries.map(([, f]) => Object.fromEntries(Array.from({ length: f.length / 2 }, (_, i) => [f[2 * i], f[2 * i + 1]])));
    const merges = fields.filter((f) => f.changes?.includes('"merged"'));
    expect(merges.map((f) => [f.incident, f.version]).sort()).toEqual(
      [
        [a.incident.id, '2'],
        [b.incident.id, '2'],
      ].sort(),
    );

    // The same bridging story again changes nothing.
    expect(await recordReport(reportOf(BRIDGE_REPORT), deps)).toMatchObject({ outcome: 'duplicate', incidentId: a.incident.id });
  });

  it('lets a story with no kind follow up an open strike that names the same site, and drops it otherwise', async () => {
    const { store } = freshStore();
    const dropped: string[] = [];
    const deps = {
      incidents: store,
      policy,
      clock: () => NOW,
      pause: TIMER_PAUSE,
      dropped: { record: async (d: { story: { id: string } }) => void dropped.push(d.story.id) },
    };
    const opened = await processStory(
      { ...BRIDGE_FIRST.story, title: 'Russian drone strike hits apartment block in Bucha, two injured' },
      deps,
    );
    expect(opened.outcome).toBe('opened');
    const reaction = {
      ...BRIDGE_FIRST.story,
      id: 'reaction',
      link: 'https://elsewhere.example/reaction',
      source: 'Evening Herald',
      title: 'Bucha residents of the damaged apartment block move in with neighbours',
      summary: 'Volunteers in Bucha brought blankets to families from the apartment block.',
    };
    const followed = await processStory(reaction, deps);
    expect(followed.outcome).toBe('updated');
    const unrelated = {
      ...reaction,
      id: 'unrelated',
      link: 'https://elsewhere.example/market',
      title: 'Lviv market reopens after renovation',
      summary: 'Shoppers returned to the Lviv market on Saturday.',
    };
    expect((await processStory(unrelated, deps)).outcome).toBe('dropped');
    expect(dropped).toEqual(['unrelated']);
  });
});
