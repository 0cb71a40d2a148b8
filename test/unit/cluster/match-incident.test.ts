import { describe, expect, it } from 'vitest';
import { toIncidentReport, type IncidentReport } from '../../../src/cluster/incident-report.js';
import { compareWithIncident, matchIncident } from '../../../src/cluster/match-incident.js';
import { openIncident } from '../../../src/cluster/merge-incident.js';
import { createMatchPolicy } from '../../../src/cluster/match-policy.js';
import { regionsNest, ancestorsFromCode } from '../../../src/cluster/region-lineage.js';
import { clusterReports, createMemoryPipeline } from '../../../src/pipeline/assign-incidents.js';
import { INCIDENT_STORIES, type FixtureReport } from '../../fixtures/incidents/index.js';
import { strikeReport } from '../../fixtures/incidents/build-report.js';
import { scorePairwise } from '../../support/pairwise.js';

const NOW = Date.parse('2025-07-01T00:00:00Z');
const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });
const reportOf = (fixture: FixtureReport): IncidentReport => toIncidentReport(fixture.story, fixture.analysis, NOW);
const reports = INCIDENT_STORIES.map(reportOf);
const truth = INCIDENT_STORIES.map((f) => f.event);

function clusterOf(event: string, ids: readonly string[]): Set<string> {
  return new Set(ids.filter((_, i) => truth[i] === event));
}

describe('matchIncident on the hand-written multi-outlet fixtures', () => {
  it('puts every report of one event into one incident and keeps events apart', async () => {
    const ids = await clusterReports(reports, policy, NOW);
    const score = scorePairwise(ids, truth);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(new Set(ids).size).toBeLessThanOrEqual(new Set(truth).size + 1);
  });

  it('is measured, not guessed: too low a threshold merges near-misses, too high splits events', async () => {
    const at = (threshold: number) => ({ ...policy, minSimilarity: threshold, pairWeights: { ...policy.pairWeights, threshold } });
    const loose = scorePairwise(await clusterReports(reports, at(-1), NOW), truth);
    const strict = scorePairwise(await clusterReports(reports, at(1.5), NOW), truth);
    expect(loose.precision).toBeLessThan(0.9);
    expect(strict.recall).toBeLessThan(0.5);
  });

  it('joins a follow-up ("death toll rises") to the incident it follows', async () => {
    const ids = await clusterReports(reports, policy, NOW);
    expect(clusterOf('bucha-drone', ids).size).toBe(1);
    expect(clusterOf('odesa-port', ids).size).toBe(1);
  });

  it('keeps two attacks on one city the same day apart when targets and times differ', async () => {
    const ids = await clusterReports(reports, policy, NOW);
    for (const [a, b] of [
      ['kharkiv-hospital', 'kharkiv-rail'],
      ['odesa-port', 'odesa-energy'],
      ['bucha-drone', 'bila-tserkva-energy'],
      ['dnipro-monday', 'dnipro-wednesday'],
      ['jeddah-talks', 'istanbul-exchange'],
      ['jeddah-talks', 'trump-putin-call'],
    ] as const) {
      const [first] = clusterOf(a, ids);
      expect(clusterOf(b, ids).has(first ?? '')).toBe(false);
    }
  });
});

describe('compareWithIncident', () => {
  const bucha = strikeReport(
    'x',
    'Outlet A',
    '2025-05-01T01:00:00Z',
    'Drone hits apartment block in Bucha',
    'A drone hit an apartment block in Bucha overnight; two residents were injured.',
    {
      regions: ['UA-32/bucha'],
      weapons: [{ weapon: 'drone' }],
      targets: ['residential'],
      injured: 2,
    },
  );
  const incident = openIncident(reportOf(bucha), NOW);

  it('accepts the same region or one inside the other, refuses a sibling town', () => {
    const sameText = (regions: string[], town = 'Bucha') =>
      reportOf(
        strikeReport(
          'x',
          'Outlet B',
          '2025-05-01T02:00:00Z',
          bucha.story.title.replace('Bucha', town),
          bucha.story.summary.replace('Bucha', town),
          {
            regions,
            targets: ['residential'],
          },
        ),
      );
    expect(compareWithIncident(sameText(['UA-32']), incident, policy).joins).toBe(true);
    expect(compareWithIncident(sameText(['UA-32/bucha']), incident, policy).joins).toBe(true);
    const sibling = compareWithIncident(sameText(['UA-32/irpin'], 'Irpin'), incident, policy);
    expect(sibling.joins).toBe(false);
    const elsewhere = compareWithIncident(sameText(['UA-46'], 'Lviv'), incident, policy);
    expect(elsewhere).toMatchObject({ joins: false, reason: 'places differ' });
  });

  it('takes a follow-up naming the same place and site for 48 h, refuses later reports and another kind', () => {
    const after = (published: string, title = bucha.story.title) =>
      reportOf(strikeReport('x', 'Outlet B', published, title, bucha.story.summary, { regions: ['UA-32/bucha'] }));
    expect(compareWithIncident(after('2025-05-01T14:30:00Z'), incident, policy).joins).toBe(true);
    expect(compareWithIncident(after('2025-05-02T20:00:00Z'), incident, policy).joins).toBe(true);
    const otherSite = after('2025-05-01T14:30:00Z', 'Drone hits school in Bucha');
    expect(compareWithIncident({ ...otherSite, signature: { ...otherSite.signature, sites: ['school'] } }, incident, policy).joins).toBe(
      false,
    );
    const late = after('2025-05-03T02:00:00Z');
    expect(compareWithIncident(late, incident, policy)).toMatchObject({ joins: false, reason: 'too far apart in time' });
    const talks = reportOf(bucha);
    talks.analysis = { ...talks.analysis, kinds: ['negotiation'] };
    expect(compareWithIncident(talks, incident, policy)).toMatchObject({ joins: false, reason: 'kinds differ' });
    expect(matchIncident(late, [incident], policy)).toBeUndefined();
  });

  it('chooses the most similar of several open incidents', () => {
    const other = openIncident(
      reportOf(
        strikeReport(
          'y',
          'Outlet C',
          '2025-05-01T01:30:00Z',
          'Fire at Bucha market after drone attack',
          'A drone set the central market of Bucha on fire.',
          { regions: ['UA-32/bucha'] },
        ),
      ),
      NOW,
    );
    const again = reportOf(
      strikeReport(
        'x',
        'Outlet D',
        '2025-05-01T03:00:00Z',
        'Two injured as drone hits Bucha apartment block',
        'Two residents were injured when a drone hit an apartment block.',
        { regions: ['UA-32'] },
      ),
    );
    expect(matchIncident(again, [other, incident], policy)?.incident.id).toBe(incident.id);
  });
});

describe('region lineage', () => {
  it('reads ancestors off the code', () => {
    expect(ancestorsFromCode('UA-32/bucha')).toEqual(['UA-32', 'UA']);
    expect(ancestorsFromCode('UA-32')).toEqual(['UA']);
    expect(ancestorsFromCode('UA')).toEqual([]);
    expect(regionsNest('UA', 'UA-32/bucha', ancestorsFromCode)).toBe(true);
    expect(regionsNest('UA-30', 'UA-32', ancestorsFromCode)).toBe(false);
  });
});

describe('the in-memory pipeline', () => {
  it('reports what changed when a report joins', async () => {
    const pipeline = createMemoryPipeline(policy, NOW);
    const entries = [];
    for (const f of INCIDENT_STORIES.filter((f) => f.event === 'bucha-drone')) entries.push(await pipeline.process(reportOf(f)));
    expect(entries[0]?.outcome).toBe('opened');
    const last = entries.at(-1);
    expect(last && 'changes' in last ? last.changes : []).toContainEqual({ field: 'casualties.killed', from: 1, to: 3 });
    expect((await pipeline.incidents.list({ limit: 10 })).incidents).toHaveLength(1);
  });
});
