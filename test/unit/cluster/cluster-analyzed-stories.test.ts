import { describe, expect, it } from 'vitest';
import { analyzeStory } from '../../../src/classify/analyze-story.js';
import { toIncidentReport } from '../../../src/cluster/incident-report.js';
import { createMatchPolicy } from '../../../src/cluster/match-policy.js';
import { clusterReports } from '../../../src/pipeline/assign-incidents.js';
import { INCIDENT_STORIES } from '../../fixtures/incidents/index.js';
import { runWirewatch } from '../../support/cli.js';
import { scorePairwise } from '../../support/pairwise.js';

// The same fixtures, analysed by the real classifier and extractor instead of by hand: what
// `wirewatch analyze` and the story worker actually see.
describe('clustering stories analysed by analyzeStory', () => {
  it('keeps pairwise precision and recall at 0.9 or better', async () => {
    const now = Date.parse('2025-04-01T00:00:00Z');
    const reports = INCIDENT_STORIES.map((f) =>
      toIncidentReport(f.story, analyzeStory({ title: f.story.title, summary: f.story.summary }), now),
    );
    expect(reports.every((r) => r.analysis.kinds.length > 0)).toBe(true);
    const ids = await clusterReports(reports, createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 }), now);
    const score = scorePairwise(
      ids,
      INCIDENT_STORIES.map((f) => f.event),
    );
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('wirewatch analyze', () => {
  it('prints the incident each story joins, named by the story that opened it', async () => {
    const events = ['odesa-port', 'odesa-energy', 'jeddah-talks'];
    const fixtures = INCIDENT_STORIES.filter((f) => events.includes(f.event));
    const stdin = `${fixtures.map((f) => JSON.stringify(f.story)).join('\n')}\n${JSON.stringify({ id: 'labour', title: 'Teachers strike over pay in Lyon' })}\n`;
    const result = await runWirewatch(['analyze'], { stdin });
    expect(result.code).toBe(0);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; incident: string });
    const firstOf = new Map<string, string>();
    fixtures.forEach((f, i) => {
      if (!firstOf.has(f.event)) firstOf.set(f.event, f.story.id);
      expect(out[i]?.incident).toBe(firstOf.get(f.event));
    });
    expect(out.at(-1)).toMatchObject({ id: 'labour', incident: 'labour' });
  });
});
