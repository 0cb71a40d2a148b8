import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyStory } from '../../src/classify/classify-story.js';
import { committedModel } from '../../src/classify/model/committed-model.js';
import { FeatureAccumulator } from '../../src/classify/model/feature-accumulator.js';
import { scoreMargin, topContributions } from '../../src/classify/model/linear-model.js';
import { pairedMargins, pairWeights } from '../../src/classify/model/paired-weights.js';
import { extractStoryFeatures, FEATURE_SETS } from '../../src/classify/model/story-features.js';

// The scoring fast paths must give exactly what the plain arithmetic gives: the same floats,
// so evaluation figures and printed evidence never move when the code gets faster.

/** The feature builder's arithmetic written the obvious way: a map per group. */
function reference(adds: { index: number; what: number; group: number }[], groups: { binary: boolean; floor: number }[]) {
  const values = new Map<number, number>();
  const whats = new Map<number, number>();
  groups.forEach((g, at) => {
    const counts = new Map<number, number>();
    for (const a of adds.filter((x) => x.group === at)) {
      counts.set(a.index, (counts.get(a.index) ?? 0) + 1);
      if (!whats.has(a.index)) whats.set(a.index, a.what);
    }
    let norm = 0;
    for (const c of counts.values()) norm += c ** 2;
    const scale = 1 / Math.sqrt(Math.max(norm, g.floor));
    for (const [i, c] of counts) values.set(i, (values.get(i) ?? 0) + (g.binary ? 1 : c * scale));
  });
  const indices = [...values.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => values.get(i)), whats: indices.map((i) => whats.get(i)) };
}

describe('feature accumulator', () => {
  it('sums groups like a map per group, for short and very long stories', () => {
    const group = fc.record({ binary: fc.boolean(), floor: fc.constantFrom(1, 16, 100), adds: fc.array(fc.nat(300), { maxLength: 40 }) });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 4 }), fc.nat(6000), (groups, extra) => {
        const acc = new FeatureAccumulator(18);
        const adds: { index: number; what: number; group: number }[] = [];
        groups.forEach((g, at) => {
          // One group sometimes gets thousands of adds, past the scratch arrays' first size.
          const indices = at === 0 ? [...g.adds, ...Array.from({ length: extra }, (_, k) => (k * 7919) % 262144)] : g.adds;
          for (const index of indices) {
            const what = adds.length;
            acc.add(index, what);
            adds.push({ index, what, group: at });
          }
          acc.close(g.binary, g.floor);
        });
        const got = acc.finish();
        const want = reference(adds, groups);
        expect(got.indices).toEqual(want.indices);
        expect(got.values).toEqual(want.values);
        expect([...got.whats]).toEqual(want.whats);
      }),
      { numRuns: 60 },
    );
  });
});

describe('top contributions', () => {
  it('names the same drivers as sorting every feature', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 40 }), (ws) => {
        // Small integer weights make ties common; feature 0 is the bias and never a driver.
        const weights = Float64Array.from(ws);
        const x = {
          indices: ws.map((_, i) => i),
          values: ws.map(() => 1),
          names: ws.map((_, i) => (i === 0 ? 'bias' : `w:f${i % 7}${i}`)),
        };
        const all = x.indices
          .map((i) => ({ name: x.names[i]!, contribution: weights[i]! }))
          .filter((c) => c.name !== 'bias' && c.contribution !== 0)
          .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.name < b.name ? -1 : 1));
        expect(topContributions(x, weights, 4)).toEqual(all.slice(0, 4));
      }),
    );
  });
});

describe('paired weights', () => {
  it('scores each kind exactly as its own weight array does', () => {
    const { model } = committedModel();
    const paired = pairWeights(model);
    const set = FEATURE_SETS[model.featureSet]!;
    for (const story of [
      { title: 'Drones hit Kharkiv overnight, two injured', summary: 'Air defence shot down 12 of 20 drones.' },
      { title: 'Envoys meet in Istanbul for ceasefire talks', summary: 'Both sides agreed a prisoner exchange.' },
    ]) {
      const c = classifyStory(story);
      const rules = { evidence: c.evidence, sentences: { strike: c.strikeSentences, negotiation: c.negotiationSentences } };
      const x = extractStoryFeatures(c.sentences, rules, set, model.dimensionBits);
      expect(pairedMargins(x, paired)).toEqual([
        scoreMargin(x, model.kinds.strike.weights),
        scoreMargin(x, model.kinds.negotiation.weights),
      ]);
    }
  });
});
