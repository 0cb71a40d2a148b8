import { describe, expect, it } from 'vitest';
import { toIncidentReport, type IncidentReport } from '../../../src/cluster/incident-report.js';
import { MAX_KEPT_SOURCES } from '../../../src/cluster/bound-sources.js';
import { createMatchPolicy } from '../../../src/cluster/match-policy.js';
import { comparePair } from '../../../src/cluster/pair-evidence.js';
import type { Analysis } from '../../../src/domain/index.js';
import { clusterReports, createMemoryPipeline } from '../../../src/pipeline/assign-incidents.js';
import type { ProcessOutcome } from '../../../src/pipeline/process-story.js';
import { strikeReport, type FixtureReport } from '../../fixtures/incidents/build-report.js';
import { BRIDGE_FIRST, BRIDGE_REPORT, BRIDGE_VAGUE } from '../../fixtures/incidents/bridge-stories.js';

const NOW = Date.parse('2025-08-01T00:00:00Z');
const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });
const reportOf = (f: FixtureReport): IncidentReport => toIncidentReport(f.story, f.analysis, NOW);
const windows = { sameEventMs: policy.strikeWindowMs, followUpMs: policy.followUpMs };
const incidentOf = (outcome: ProcessOutcome) => ('incident' in outcome ? outcome.incident : undefined);
const allIncidents = async (pipeline: ReturnType<typeof createMemoryPipeline>) =>
  (await pipeline.incidents.list({ limit: 1000 })).incidents;

/** A reaction the classifier gave no kind: no regions, no facts. */
function unlabelled(f: FixtureReport): FixtureReport {
  const analysis: Analysis = { kinds: [], regions: [], facts: { weapons: [], casualties: {}, targets: [] }, severity: 'low', evidence: [] };
  return { ...f, analysis };
}

// One invented attack told by six outlets over two days (first reports, a country-only report,
// a toll update the next day, a reaction with no kind), and another attack on the same city the
// same day that hit a different site.
const POLTAVA: FixtureReport[] = [
  strikeReport(
    'depot',
    'Wire One',
    '2025-07-10T03:00:00Z',
    'Missiles hit Poltava railway depot, three killed',
    'Two ballistic missiles struck the railway depot in Poltava before dawn, killing three workers.',
    { regions: ['UA-53'], weapons: [{ weapon: 'ballistic missile', count: 2 }], targets: ['railway'], killed: 3 },
  ),
  strikeReport(
    'depot',
    'Wire Two',
    '2025-07-10T05:30:00Z',
    'Poltava: ballistic missile strike on rail depot kills three workers',
    'Rescuers searched the rail depot in Poltava after the ballistic missile strike; three railway workers died.',
    { regions: ['UA-53'], weapons: [{ weapon: 'ballistic missile' }], targets: ['railway'], killed: 3 },
  ),
  strikeReport(
    'depot',
    'Global Desk',
    '2025-07-10T08:00:00Z',
    'Russian missiles kill three at Ukrainian railway depot',
    'Russia fired ballistic missiles at a railway depot in central Ukraine overnight, killing three railway workers, officials said.',
    { regions: ['UA'], weapons: [{ weapon: 'ballistic missile' }], targets: ['railway'], killed: 3 },
  ),
  strikeReport(
    'depot',
    'Wire One',
    '2025-07-11T09:00:00Z',
    'Death toll at Poltava railway depot rises to five',
    'Two more railway workers injured in the missile strike on the Poltava railway depot died in hospital.',
    { regions: ['UA-53'], weapons: [{ weapon: 'missile' }], targets: ['railway'], killed: 5 },
  ),
  unlabelled(
    strikeReport(
      'depot',
      'Capital Post',
      '2025-07-11T12:00:00Z',
      'Railway operator mourns five workers of Poltava depot',
      'The railway operator said the Poltava railway depot would reopen after the missile strike that killed five of its workers.',
      { regions: [] },
    ),
  ),
  strikeReport(
    'depot',
    'Wire Three',
    '2025-07-10T06:10:00Z',
    'Ballistic missiles hit Poltava rail depot',
    'Three people were killed when ballistic missiles hit a railway depot in Poltava.',
    { regions: ['UA-53'], targets: ['railway'], killed: 3 },
  ),
  strikeReport(
    'school',
    'Wire Two',
    '2025-07-10T19:00:00Z',
    'Drone hits Poltava school, no casualties',
    'A Shahed drone damaged a school building in Poltava in the evening; nobody was hurt.',
    { regions: ['UA-53'], weapons: [{ weapon: 'shahed' }], targets: ['school'] },
  ),
];

/** A deterministic shuffle (Park–Miller), so a failing order can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 16807) % 2147483647;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The partition as sorted groups of story ids, independent of incident names. */
async function partitionOf(fixtures: readonly FixtureReport[]): Promise<string> {
  const reports = fixtures.map(reportOf);
  const ids = await clusterReports(reports, policy, NOW);
  const groups = new Map<string, string[]>();
  ids.forEach((id, i) => groups.set(id, [...(groups.get(id) ?? []), fixtures[i]!.event]));
  return [...groups.values()]
    .map((g) => g.sort().join(','))
    .sort()
    .join(' | ');
}

describe('incident partition', () => {
  it('is the same in 20 shuffled orders: the attack in one incident, the other attack apart', async () => {
    const partitions = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) partitions.add(await partitionOf(shuffled(POLTAVA, seed * 7919)));
    expect([...partitions]).toEqual(['depot,depot,depot,depot,depot,depot | school']);
  });

  it('takes a reaction with no kind as a follow-up, but never opens an alert for one', async () => {
    const book = createMemoryPipeline(policy, NOW);
    const reaction = POLTAVA[4]!;
    expect(incidentOf(await book.process(reportOf({ ...reaction, story: { ...reaction.story, id: 'lonely' } })))?.kinds).toEqual([]);
    for (const f of POLTAVA.slice(0, 4)) await book.process(reportOf(f));
    const joined = incidentOf(await book.process(reportOf(reaction)));
    expect(joined?.kinds).toEqual(['strike']);
    expect(joined?.sources.map((s) => s.outlet)).toContain('Capital Post');
  });
});

describe('incident lifetime', () => {
  it('stops taking follow-ups once an incident would span more than maxLifetimeHours', async () => {
    // The same depot "hit again" every ten hours for eight days: each report is within the window
    // of the one before, so without a cap from firstSeen one incident would absorb all of them.
    const daily = Array.from({ length: 20 }, (_, step) =>
      strikeReport(
        'depot',
        `Outlet ${step}`,
        new Date(Date.parse('2025-07-01T08:00:00Z') + step * 36_000_000).toISOString(),
        'Missile strike on Poltava railway depot',
        'A missile hit the railway depot in Poltava again.',
        { regions: ['UA-53'], targets: ['railway'] },
      ),
    );
    const book = createMemoryPipeline(policy, NOW);
    for (const f of daily) await book.process(reportOf(f));
    const incidents = await allIncidents(book);
    const spans = incidents.map((i) => Date.parse(i.lastSeen) - Date.parse(i.firstSeen));
    expect(incidents.length).toBeGreaterThan(1);
    for (const span of spans) expect(span).toBeLessThanOrEqual(policy.maxLifetimeMs);
  });
});

describe('bounded sources', () => {
  it('keeps the first, the most credible and the newest reports and counts the rest', async () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      strikeReport(
        'depot',
        `Outlet ${i}`,
        new Date(Date.parse('2025-07-10T03:00:00Z') + i * 60_000).toISOString(),
        'Missiles hit Poltava railway depot',
        'Missiles struck the railway depot in Poltava before dawn.',
        { regions: ['UA-53'], targets: ['railway'], killed: i === 40 ? 9 : 3 },
      ),
    );
    const book = createMemoryPipeline(policy, NOW);
    for (const f of many) await book.process(reportOf(f));
    const incidents = await allIncidents(book);
    const [incident] = incidents;
    expect(incidents).toHaveLength(1);
    expect(incident?.sources).toHaveLength(MAX_KEPT_SOURCES);
    expect(incident?.omittedSources).toBe(100 - MAX_KEPT_SOURCES);
    const outlets = incident?.sources.map((s) => s.outlet) ?? [];
    expect(outlets).toContain('Outlet 0');
    expect(outlets).toContain('Outlet 40');
    expect(outlets).toContain('Outlet 99');
    expect(incident?.facts.casualties.killed).toBe(9);
  });
});

describe('merging bridged incidents', () => {
  const [first, vague, bridge] = [BRIDGE_FIRST, BRIDGE_VAGUE, BRIDGE_REPORT];

  it('folds the younger incident into the older one when a report joins both', async () => {
    const [a, b, r] = [first, vague, bridge].map(reportOf) as [IncidentReport, IncidentReport, IncidentReport];
    // The two first reports alone are not enough alike; the third is like each of them.
    expect(comparePair(a.signature, b.signature, policy.pairWeights, windows, policy.ancestorsOf).links).toBe(false);
    expect(comparePair(r.signature, a.signature, policy.pairWeights, windows, policy.ancestorsOf).links).toBe(true);
    expect(comparePair(r.signature, b.signature, policy.pairWeights, windows, policy.ancestorsOf).links).toBe(true);
    const book = createMemoryPipeline(policy, NOW);
    const older = incidentOf(await book.process(a))!;
    const younger = incidentOf(await book.process(b))!;
    expect(younger.id).not.toBe(older.id);
    const entry = await book.process(r);
    if (entry.outcome !== 'updated') throw new Error(`expected a merge, got ${entry.outcome}`);
    expect(entry.retired).toEqual([younger.id]);
    expect(entry.incident.id).toBe(older.id);
    expect(entry.incident.version).toBe(older.version + 1);
    expect(entry.changes[0]).toEqual({ field: 'merged', from: younger.id, to: older.id });
    expect(entry.incident.mergedFrom).toEqual([younger.id]);
    expect(entry.incident.sources.map((s) => s.outlet).sort()).toEqual(['Global Desk', 'Wire One', 'Wire Two']);
    const retired = await book.incidents.getIncident(younger.id);
    expect(retired?.mergedInto).toBe(older.id);
    expect(retired?.history.at(-1)?.changes).toEqual([{ field: 'merged', to: older.id }]);
    expect(await clusterReports([a, b, r], policy, NOW)).toEqual([a.story.id, a.story.id, a.story.id]);
  });
});
