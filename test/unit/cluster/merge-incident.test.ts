import { describe, expect, it } from 'vitest';
import { condenseSummary } from '../../../src/cluster/describe-report.js';
import { toIncidentReport } from '../../../src/cluster/incident-report.js';
import { credibleMaximum } from '../../../src/cluster/merge-facts.js';
import { applyReport, incidentIdFor, openIncident } from '../../../src/cluster/merge-incident.js';
import { extractTerms } from '../../../src/cluster/story-terms.js';
import type { IncidentSource } from '../../../src/domain/index.js';
import { strikeReport, talksReport, type FixtureReport } from '../../fixtures/incidents/build-report.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const reportOf = (f: FixtureReport) => toIncidentReport(f.story, f.analysis, NOW);

const first = strikeReport(
  'e',
  'Outlet A',
  '2025-06-01T01:00:00Z',
  'Drone hits apartment block in Sumy, two injured',
  'A drone hit an apartment block in Sumy overnight. Two residents were injured, the city administration said. Windows were blown out on four floors.',
  {
    regions: ['UA-59'],
    weapons: [{ weapon: 'drone', count: 1 }],
    targets: ['residential'],
    injured: 2,
    severity: 'medium',
  },
);

describe('openIncident', () => {
  it('starts at version 1 with the opening report as its only source', () => {
    const incident = openIncident(reportOf(first), NOW);
    expect(incident).toMatchObject({
      kinds: ['strike'],
      version: 1,
      severity: 'medium',
      firstSeen: '2025-06-01T01:00:00.000Z',
      lastSeen: '2025-06-01T01:00:00.000Z',
    });
    expect(incident.id).toBe(incidentIdFor(first.story.id));
    expect(incident.id).not.toContain(':');
    expect(incident.sources).toEqual([expect.objectContaining({ outlet: 'Outlet A', link: first.story.link, injured: 2 })]);
    expect(incident.summary).toBe(
      'A drone hit an apartment block in Sumy overnight. Two residents were injured, the city administration said.',
    );
    expect(incident.history).toEqual([
      { version: 1, at: '2025-06-01T12:00:00.000Z', storyId: first.story.id, changes: [{ field: 'opened', to: 'Outlet A' }] },
    ]);
  });
});

describe('applyReport', () => {
  const opened = openIncident(reportOf(first), NOW);

  it('ignores the same story or the same outlet + link: a plain duplicate', () => {
    const result = applyReport(opened, reportOf(first), NOW + 1000);
    expect(result).toMatchObject({ duplicate: true, changes: [] });
    expect(result.incident).toBe(opened);
  });

  it('adds another link of a known outlet without raising the version when nothing else is new', () => {
    const again = strikeReport(
      'e',
      'Outlet A',
      '2025-06-01T02:00:00Z',
      'Sumy: drone damages apartment block',
      'Two people were hurt when a drone hit a block of flats.',
      {
        regions: ['UA-59'],
        targets: ['residential'],
        injured: 2,
      },
    );
    const result = applyReport(opened, reportOf(again), NOW + 1000);
    expect(result.duplicate).toBe(false);
    expect(result.changes).toEqual([]);
    expect(result.incident.version).toBe(1);
    expect(result.incident.sources).toHaveLength(2);
    expect(result.incident.lastSeen).toBe('2025-06-01T02:00:00.000Z');
  });

  it('raises the version once per material report and records what changed', () => {
    const update = strikeReport(
      'e',
      'Outlet B',
      '2025-06-01T05:00:00Z',
      'Sumy drone strike: one dead, five injured',
      'One person died and five were injured.',
      {
        regions: ['UA-59', 'UA-63'],
        weapons: [{ weapon: 'drone', count: 3 }],
        targets: ['residential', 'energy'],
        killed: 1,
        injured: 5,
        severity: 'high',
      },
    );
    const result = applyReport(opened, reportOf(update), NOW + 5000);
    expect(result.incident.version).toBe(2);
    expect(result.changes).toEqual([
      { field: 'sources', to: 'Outlet B' },
      { field: 'regions', to: 'UA-63' },
      { field: 'casualties.killed', from: 0, to: 1 },
      { field: 'casualties.injured', from: 2, to: 5 },
      { field: 'targets', to: 'energy' },
      { field: 'severity', from: 'medium', to: 'high' },
    ]);
    expect(result.incident.facts.weapons).toEqual([{ weapon: 'drone', count: 3 }]);
    expect(result.incident.history.map((h) => h.version)).toEqual([1, 2]);
    expect(result.incident.lastUpdated).toBe(new Date(NOW + 5000).toISOString());
    expect(opened.version).toBe(1);
  });

  it('follows the newest report for a negotiation status', () => {
    const scheduled = talksReport('t', 'Outlet A', '2025-06-01T01:00:00Z', 'Talks set for Geneva', 'Delegations will meet in Geneva.', {
      parties: ['UA', 'RU'],
      venue: 'Geneva',
      status: 'scheduled',
    });
    const held = talksReport('t', 'Outlet A', '2025-06-02T09:00:00Z', 'Talks open in Geneva', 'Delegations met in Geneva.', {
      parties: ['UA', 'RU', 'CH'],
      venue: 'Geneva',
      status: 'held',
    });
    const result = applyReport(openIncident(reportOf(scheduled), NOW), reportOf(held), NOW);
    expect(result.changes).toEqual([{ field: 'negotiation.status', from: 'scheduled', to: 'held' }]);
    expect(result.incident.facts.negotiation).toMatchObject({ parties: ['UA', 'RU', 'CH'], status: 'held', venue: 'Geneva' });
  });
});

describe('credibleMaximum', () => {
  const source = (published: string, killed: number): IncidentSource => ({
    storyId: published,
    outlet: published,
    title: '',
    link: '',
    published,
    killed,
  });

  it('takes the highest figure, as tolls rise', () => {
    expect(credibleMaximum([source('2025-01-01T01', 2), source('2025-01-01T05', 57)], 'killed')).toBe(57);
  });

  it('drops a lone figure ten times the rest that later reports contradict', () => {
    const sources = [source('2025-01-01T01', 45), source('2025-01-01T02', 2), source('2025-01-01T03', 2)];
    expect(credibleMaximum(sources, 'killed')).toBe(2);
  });
});

describe('text helpers', () => {
  it('condenses to at most two sentences, leaving abbreviations intact', () => {
    expect(condenseSummary('Gen. Syrskyi spoke. Two were hurt. A third sentence.')).toBe('Gen. Syrskyi spoke. Two were hurt.');
    expect(condenseSummary('')).toBe('');
  });

  it('folds word forms and drops words every war report shares', () => {
    expect(extractTerms('Russian drones injured two in Kharkiv')).toEqual(['dron', 'injur', '2', 'kharkiv']);
    expect(extractTerms('A drone injures residents')).toEqual(['dron', 'injur', 'resident']);
  });
});
