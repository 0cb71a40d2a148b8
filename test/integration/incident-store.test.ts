import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toIncidentReport } from '../../src/cluster/incident-report.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { recordReport } from '../../src/pipeline/record-report.js';
import { TIMER_PAUSE } from '../../jobs/runtime/stores.js';
import { strikeReport, type FixtureReport } from '../fixtures/incidents/build-report.js';
import { INCIDENT_STORIES } from '../fixtures/incidents/index.js';
import { scorePairwise } from '../support/pairwise.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

const NOW = Date.parse('2025-04-01T00:00:00Z');
const DAY = 86_400_000;
const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });
const reportOf = (f: FixtureReport) => toIncidentReport(f.story, f.analysis, NOW);
const clock = () => NOW;

let redis: Redis;
let other: Redis;
let prefix: string;
let store: IncidentStore;
let otherStore: IncidentStore;
/** The store's Redis layout, to check the indexes themselves. */
let keys: IncidentKeys;

beforeAll(() => {
  redis = createTestRedis();
  other = createTestRedis();
});
afterAll(async () => {
  await redis.quit();
  await other.quit();
});
beforeEach(() => {
  prefix = uniquePrefix('incidents');
  keys = new IncidentKeys(prefix);
  const options = { prefix, ancestorsOf, retentionMs: 30 * DAY };
  store = new IncidentStore({ ...options, redis });
  otherStore = new IncidentStore({ ...options, redis: other });
});
afterEach(() => deletePrefix(redis, prefix));

/** Reports of one invented event by many outlets, published minutes apart; the last one has a death. */
function manyOutlets(count: number, event = 'lviv-depot'): FixtureReport[] {
  return Array.from({ length: count }, (_, i) =>
    strikeReport(
      event,
      `Outlet ${i}`,
      new Date(Date.parse('2025-03-30T02:00:00Z') + i * 60_000).toISOString(),
      'Drones hit fuel depot in Lviv, fire rages',
      'Several Shahed drones hit a fuel depot on the outskirts of Lviv overnight, starting a large fire.',
      { regions: ['UA-46'], weapons: [{ weapon: 'shahed' }], targets: ['oil'], ...(i === count - 1 && i > 0 ? { killed: 1 } : {}) },
    ),
  );
}

describe('IncidentStore + recordReport on the real Redis', () => {
  it('moves an incident out of the unplaced index when a report gives it a place', async () => {
    const text = 'Shahed drones hit a fuel depot overnight, starting a large fire at the storage tanks.';
    const [first, second] = [
      strikeReport('depot-fire', 'Outlet A', '2025-03-30T02:00:00Z', 'Drones hit fuel depot, fire rages', text, {
        regions: [],
        weapons: [{ weapon: 'shahed' }],
        targets: ['oil'],
      }),
      strikeReport('depot-fire', 'Outlet B', '2025-03-30T02:10:00Z', 'Drones hit fuel depot in Lviv, fire rages', `${text} Lviv`, {
        regions: ['UA-46'],
        weapons: [{ weapon: 'shahed' }],
        targets: ['oil'],
      }),
    ] as [FixtureReport, FixtureReport];
    const opened = await recordReport(reportOf(first), { incidents: store, policy, clock, pause: TIMER_PAUSE });
    expect(opened.outcome).toBe('opened');
    const id = opened.outcome === 'opened' ? opened.incident.id : '';
    expect(await redis.zscore(keys.unplaced('strike'), id)).not.toBeNull();
    const grown = await recordReport(reportOf(second), { incidents: store, policy, clock, pause: TIMER_PAUSE });
    expect(grown).toMatchObject({ outcome: 'updated', incident: { id } });
    expect(await redis.zscore(keys.unplaced('strike'), id)).toBeNull();
    expect(await redis.zscore(keys.within('UA'), id)).not.toBeNull();
  });

  it('clusters the fixture stream like the in-memory repository, using only indexed candidates', async () => {
    const ids: string[] = [];
    for (const fixture of INCIDENT_STORIES) {
      const result = await recordReport(reportOf(fixture), { incidents: store, policy, clock, pause: TIMER_PAUSE });
      ids.push(result.outcome === 'duplicate' ? result.incidentId : result.incident.id);
    }
    const score = scorePairwise(
      ids,
      INCIDENT_STORIES.map((f) => f.event),
    );
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    const bucha = await store.getIncident(ids[INCIDENT_STORIES.findIndex((f) => f.event === 'bucha-drone')] ?? '');
    expect(bucha?.sources).toHaveLength(5);
    expect(bucha?.facts.casualties).toEqual({ killed: 3, injured: 2 });
    expect(bucha?.history.at(-1)?.changes).toContainEqual({ field: 'casualties.killed', from: 1, to: 3 });
  });

  it('treats the same story processed twice as a duplicate: no second source, no new version', async () => {
    const [fixture] = manyOutlets(1);
    const first = await recordReport(reportOf(fixture!), { incidents: store, policy, clock, pause: TIMER_PAUSE });
    const again = await recordReport(reportOf(fixture!), { incidents: store, policy, clock, pause: TIMER_PAUSE });
    expect(first.outcome).toBe('opened');
    expect(again).toMatchObject({ outcome: 'duplicate', incidentId: first.outcome === 'opened' ? first.incident.id : '' });
    const stored = await store.getIncident(again.outcome === 'duplicate' ? again.incidentId : '');
    expect(stored).toMatchObject({ version: 1 });
    expect(stored?.sources).toHaveLength(1);
  });

  it('keeps every source and one version per outlet when two workers update one incident at once', async () => {
    const reports = manyOutlets(12).map(reportOf);
    // Two workers, two connections, each taking every other story, all in flight together.
    const results = await Promise.all(
      reports.map((report, i) => recordReport(report, { incidents: i % 2 === 0 ? store : otherStore, policy, clock, pause: TIMER_PAUSE })),
    );
    const ids = new Set(results.map((r) => (r.outcome === 'duplicate' ? r.incidentId : r.incident.id)));
    expect(ids.size).toBe(1);
    const incident = await store.getIncident([...ids][0] ?? '');
    expect(incident?.sources.map((s) => s.outlet).sort()).toEqual(reports.map((r) => r.story.source).sort());
    // Version 1 on opening, +1 for each of the 11 other outlets; the killed figure arrives with one of them.
    expect(incident?.version).toBe(12);
    expect(new Set(incident?.history.map((h) => h.version)).size).toBe(incident?.history.length);
    expect(results.filter((r) => r.outcome === 'opened')).toHaveLength(1);
    expect(await redis.xlen(keys.changes())).toBe(12);
  });

  it('records the same story from two workers at once only once', async () => {
    const report = reportOf(manyOutlets(1)[0]!);
    const results = await Promise.all([
      recordReport(report, { incidents: store, policy, clock, pause: TIMER_PAUSE }),
      recordReport(report, { incidents: otherStore, policy, clock, pause: TIMER_PAUSE }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'opened']);
    const opened = results.find((r) => r.outcome === 'opened');
    const incident = await store.getIncident(opened?.outcome === 'opened' ? opened.incident.id : '');
    expect(incident?.sources).toHaveLength(1);
  });

  it('removes incidents past retention from storage and every index', async () => {
    const old = strikeReport(
      'old',
      'Outlet A',
      '2025-02-01T00:00:00Z',
      'Missile hits Poltava oil refinery',
      'A missile hit the refinery in Kremenchuk.',
      { regions: ['UA-53/kremenchuk'], targets: ['oil'] },
    );
    const fresh = manyOutlets(1)[0]!;
    const oldResult = await recordReport(reportOf(old), { incidents: store, policy, clock, pause: TIMER_PAUSE });
    await recordReport(reportOf(fresh), { incidents: store, policy, clock, pause: TIMER_PAUSE });
    expect(await store.removeExpired(NOW)).toBe(1);
    const oldId = oldResult.outcome === 'opened' ? oldResult.incident.id : '';
    expect(await store.getIncident(oldId)).toBeUndefined();
    expect(await redis.zscore(keys.within('UA'), oldId)).toBeNull();
    expect(await redis.zscore(keys.at('UA-53/kremenchuk'), oldId)).toBeNull();
    expect(await redis.zcard(keys.byTime())).toBe(1);
    expect(await store.removeExpired(NOW)).toBe(0);
  });

  it('lists a Bucha incident under its oblast and its country', async () => {
    const result = await recordReport(reportOf(INCIDENT_STORIES.find((f) => f.event === 'bucha-drone')!), {
      incidents: store,
      policy,
      clock,
      pause: TIMER_PAUSE,
    });
    const id = result.outcome === 'opened' ? result.incident.id : '';
    for (const code of ['UA-32/bucha', 'UA-32', 'UA']) expect(await redis.zscore(keys.within(code), id)).not.toBeNull();
    expect(await redis.zscore(keys.within('UA-30'), id)).toBeNull();
    const ttl = await redis.ttl(keys.incident(id));
    expect(ttl).toBeGreaterThan(30 * 86_400);
  });
});
