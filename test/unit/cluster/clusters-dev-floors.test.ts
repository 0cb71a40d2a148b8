import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateClustering, parseClusterSet } from '../../../src/cluster/evaluate-clustering.js';
import type { ClusterReport } from '../../../src/cluster/score-clusters.js';
import { createMatchPolicy } from '../../../src/cluster/match-policy.js';
import { REPO_ROOT } from '../../support/cli.js';

// Real multi-outlet coverage lives outside the project (copyrighted text); skip when absent.
const SET = resolve(REPO_ROOT, '../shared/corpus/clusters-dev.jsonl');

describe.skipIf(!existsSync(SET))('incident clustering floors on ../shared/corpus/clusters-dev.jsonl', () => {
  const stories = existsSync(SET) ? parseClusterSet(readFileSync(SET, 'utf8')) : [];
  let report: ClusterReport;
  beforeAll(async () => {
    report = await evaluateClustering(stories, createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 }), Date.now());
  });

  // Floors a little under the measured figures (README "Incidents"), so a classifier change that
  // moves a story or two does not fail the build, while a matcher regression does.
  it('pairwise precision ≥ 0.97', () => expect(report.overall.pairs.precision).toBeGreaterThanOrEqual(0.97));
  it('pairwise recall ≥ 0.80', () => expect(report.overall.pairs.recall).toBeGreaterThanOrEqual(0.8));
  it('no distractor joins an event', () =>
    expect(report.intruders.filter((x) => x.event.startsWith('single-')).length).toBeLessThanOrEqual(1));
});
