import { describe, expect, it } from 'vitest';
import { evaluatePredictions, toScore } from '../../src/classify/evaluate.js';

describe('evaluatePredictions', () => {
  it('scores each kind and lists false positives and negatives by id', () => {
    const gold = [
      { id: 'a', kinds: ['strike'] as const, regions: ['UA-63'] },
      { id: 'b', kinds: [] as const, regions: [] },
      { id: 'c', kinds: ['negotiation'] as const, regions: [] },
    ];
    const predicted = [
      { id: 'a', kinds: ['strike'] as const, regions: ['UA-63', 'RU'] },
      { id: 'b', kinds: ['strike'] as const, regions: ['UA'] },
      { id: 'c', kinds: [] as const, regions: [] },
    ];
    const report = evaluatePredictions(gold, predicted);
    expect(report.kinds.strike).toMatchObject({ tp: 1, fp: 1, fn: 0, falsePositives: ['b'], falseNegatives: [] });
    expect(report.kinds.strike.f1).toBeCloseTo(2 / 3);
    expect(report.kinds.negotiation).toMatchObject({ tp: 0, fp: 0, fn: 1, falseNegatives: ['c'], f1: 0 });
    // Regions are scored on items labelled strike only: b's extra UA does not count.
    expect(report.regions).toMatchObject({ tp: 1, fp: 1, fn: 0, misses: [{ id: 'a', missing: [], extra: ['RU'] }] });
  });

  it('treats a class with nothing to find and nothing found as perfect', () => {
    expect(toScore(0, 0, 0).f1).toBe(1);
  });
});
