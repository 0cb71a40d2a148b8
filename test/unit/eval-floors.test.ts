import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { evaluatePredictions, type EvaluationReport } from '../../src/classify/evaluate.js';
import { parseLabelledCorpus } from '../../src/classify/labelled-corpus.js';
import { REPO_ROOT } from '../support/cli.js';

// The labelled corpora live outside the project (real, copyrighted text); skip when absent.
const CORPUS = resolve(REPO_ROOT, '../shared/corpus/dev.jsonl');
// 2024–26 stories from other outlets and other wars: strikes abroad must be placed abroad.
const RECENT = resolve(REPO_ROOT, '../shared/corpus/recent.jsonl');

function scoreCorpus(path: string): EvaluationReport {
  const gold = existsSync(path) ? parseLabelledCorpus(readFileSync(path, 'utf8')) : [];
  const predicted = gold.map((item) => {
    const a = analyzeStory(item);
    return { id: item.id, kinds: a.kinds, regions: a.regions.map((r) => r.code) };
  });
  return evaluatePredictions(gold, predicted);
}

describe.skipIf(!existsSync(CORPUS))('evaluation floors on ../shared/corpus/dev.jsonl', () => {
  const report = scoreCorpus(CORPUS);

  it('strike F1 ≥ 0.90', () => expect(report.kinds.strike.f1).toBeGreaterThanOrEqual(0.9));
  it('negotiation F1 ≥ 0.85', () => expect(report.kinds.negotiation.f1).toBeGreaterThanOrEqual(0.85));
  it('strike-region F1 ≥ 0.88', () => expect(report.regions.f1).toBeGreaterThanOrEqual(0.88));
});

describe.skipIf(!existsSync(RECENT))('evaluation floors on ../shared/corpus/recent.jsonl', () => {
  const report = scoreCorpus(RECENT);

  it('strike-region F1 ≥ 0.90', () => expect(report.regions.f1).toBeGreaterThanOrEqual(0.9));
});
