import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { evaluatePredictions } from '../../src/classify/evaluate.js';
import { parseLabelledCorpus } from '../../src/classify/labelled-corpus.js';
import { REPO_ROOT } from '../support/cli.js';

// The labelled corpus lives outside the project (real, copyrighted text); skip when absent.
const CORPUS = resolve(REPO_ROOT, '../shared/corpus/dev.jsonl');

describe.skipIf(!existsSync(CORPUS))('evaluation floors on ../shared/corpus/dev.jsonl', () => {
  const gold = existsSync(CORPUS) ? parseLabelledCorpus(readFileSync(CORPUS, 'utf8')) : [];
  const predicted = gold.map((item) => {
    const a = analyzeStory(item);
    return { id: item.id, kinds: a.kinds, regions: a.regions.map((r) => r.code) };
  });
  const report = evaluatePredictions(gold, predicted);

  it('strike F1 ≥ 0.90', () => expect(report.kinds.strike.f1).toBeGreaterThanOrEqual(0.9));
  it('negotiation F1 ≥ 0.85', () => expect(report.kinds.negotiation.f1).toBeGreaterThanOrEqual(0.85));
  it('strike-region F1 ≥ 0.88', () => expect(report.regions.f1).toBeGreaterThanOrEqual(0.88));
});
