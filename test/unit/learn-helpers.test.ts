import { describe, expect, it } from 'vitest';
import { extractStoryFeatures, FEATURE_SETS, hashName } from '../../src/classify/model/story-features.js';
import { toSentences } from '../../src/classify/text-units.js';
import { chooseThreshold, fitPlatt } from '../../src/learn/calibrate-threshold.js';
import { assignFolds } from '../../src/learn/event-folds.js';

const NO_RULES = { evidence: [], sentences: { strike: [], negotiation: [] } };

describe('story features', () => {
  it('hashes names the same on every run (FNV-1a)', () => {
    expect(hashName('')).toBe(0x811c9dc5);
    expect(hashName('a')).toBe(0xe40c292c);
  });

  it('marks headline words and negated words only in the layout set', () => {
    const sentences = toSentences({ title: 'Talks end without a truce', summary: 'Both sides left Geneva.' });
    const names = (set: string) => extractStoryFeatures(sentences, NO_RULES, FEATURE_SETS[set]!, 18, true).names ?? [];
    expect(names('rules+ngrams+layout')).toEqual(expect.arrayContaining(['t:talks', 'n:truce', 'w:geneva', 'b:without a']));
    expect(names('rules+ngrams')).not.toContain('t:talks');
    expect(names('rules+ngrams').some((n) => n.startsWith('n:'))).toBe(false);
  });

  it('keeps a rule feature at full weight however long the story', () => {
    const rules = {
      evidence: [{ kind: 'strike' as const, polarity: 'for' as const, rule: 'strike.attack-phrase', phrase: 'x' }],
      sentences: { strike: [0], negotiation: [] },
    };
    const long = toSentences({ title: 'Drones hit Kharkiv', summary: 'More words follow here. '.repeat(30) });
    const x = extractStoryFeatures(long, rules, FEATURE_SETS['rules+ngrams']!, 18, true);
    expect(x.values[x.names!.indexOf('r:for:strike.attack-phrase')]).toBe(1);
    expect(x.values[x.names!.indexOf('w:more')]).toBeLessThan(1);
  });
});

describe('calibration and threshold', () => {
  it('keeps precision at the bar with the most recall', () => {
    // Ten positives above, then a negative, then two positives, then negatives.
    const p = [0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.91, 0.9, 0.8, 0.7, 0.6, 0.3, 0.2];
    const y = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0];
    const t = chooseThreshold(p, y, 0.92);
    expect(t).toBeCloseTo(0.45, 5); // 12 of 13 kept: precision 0.923, all positives found
    expect(chooseThreshold(p, y, 0.95)).toBeCloseTo(0.85, 5); // only the ten above the negative
  });

  it('fits an increasing Platt curve to margins that separate the labels', () => {
    const { a } = fitPlatt([-3, -2, -1, 1, 2, 3, 0.5, -0.5], [0, 0, 0, 1, 1, 1, 0, 1]);
    expect(a).toBeGreaterThan(0);
  });
});

describe('event folds', () => {
  it('puts one event, one day or one headline in a single fold and balances the rest', () => {
    const items = [
      { id: 'a', title: 'Drones hit the port of Odesa overnight', event: 'e1' },
      { id: 'b', title: 'Another outlet on it', event: 'e1' },
      { id: 'c', title: 'Envoys meet in Geneva for talks', published: '2022-03-01T12:00:00Z' },
      { id: 'd', title: 'Something else that day', published: '2022-03-01T12:00:00Z' },
      { id: 'e', title: 'Drones hit the port of Odesa overnight again', published: '2022-04-01T12:00:00Z' },
      { id: 'f', title: 'Lone story', published: '2022-05-01T12:00:00Z' },
    ];
    const folds = assignFolds(items, 2);
    expect(folds[0]).toBe(folds[1]);
    expect(folds[2]).toBe(folds[3]);
    expect(folds[4]).toBe(folds[0]); // same headline opening as a
    expect(new Set(folds).size).toBe(2);
  });
});
