import { sigmoid } from '../classify/model/linear-model.js';
import type { SparseVector } from '../classify/model/story-features.js';

/**
 * L2-regularised logistic regression by AdaGrad SGD over sparse hashed vectors. Written here
 * rather than taken from npm: the maintained JS learners either want dense matrices (4,250 ×
 * 262,144 would not fit) or bring native builds; this is 40 lines and, with a seeded shuffle,
 * byte-for-byte deterministic, which the committed-weights test relies on.
 */
export interface TrainOptions {
  dimensionBits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight of a positive story's loss: the kinds are the rarer class. */
  positiveWeight: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  dimensionBits: 18,
  epochs: 12,
  learningRate: 0.05,
  l2: 1e-5,
  seed: 20261201,
  positiveWeight: 2,
};

export function trainLogistic(xs: readonly SparseVector[], ys: readonly number[], options: TrainOptions): Float64Array {
  const size = 1 << options.dimensionBits;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size);
  const order = xs.map((_, i) => i);
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = xs[i];
      if (x === undefined) continue;
      let m = 0;
      for (let k = 0; k < x.indices.length; k++) m += (w[x.indices[k] ?? 0] ?? 0) * (x.values[k] ?? 0);
      const y = ys[i] ?? 0;
      const error = (sigmoid(m) - y) * (y === 1 ? options.positiveWeight : 1);
      for (let k = 0; k < x.indices.length; k++) {
        const j = x.indices[k] ?? 0;
        const wj = w[j] ?? 0;
        // Regularising only the features a story touches is the usual sparse shortcut.
        const g = error * (x.values[k] ?? 0) + options.l2 * wj;
        const acc = (g2[j] ?? 0) + g * g;
        g2[j] = acc;
        w[j] = wj - (options.learningRate * g) / Math.sqrt(acc + 1e-8);
      }
    }
  }
  return w;
}

/** mulberry32: a small seeded generator, so every run shuffles alike. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
}
