import { sigmoid } from '../classify/model/linear-model.js';

/** Platt scaling: fits p = sigmoid(a·margin + b) to out-of-fold margins by Newton's method. */
export function fitPlatt(margins: readonly number[], ys: readonly number[]): { a: number; b: number } {
  const positives = ys.filter((y) => y === 1).length;
  const negatives = ys.length - positives;
  // Platt's smoothed targets keep a separable fold from sending a to infinity.
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const target = (i: number) => (ys[i] === 1 ? hi : lo);
  const loss = (a: number, b: number) =>
    margins.reduce((sum, m, i) => {
      const z = a * m + b;
      // log(1 + e^z) - t·z, computed without overflow.
      return sum + (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - target(i) * z;
    }, 0);
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    margins.forEach((m, i) => {
      const p = sigmoid(a * m + b);
      const d = p - target(i);
      const s = p * (1 - p);
      ga += d * m;
      gb += d;
      haa += s * m * m;
      hab += s * m;
      hbb += s;
    });
    const det = haa * hbb - hab * hab;
    if (det <= 0) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Backtracking: a full Newton step overshoots when the margins nearly separate the labels.
    let step = 1;
    while (step > 1e-8 && loss(a - step * da, b - step * db) > current + 1e-12) step /= 2;
    if (step <= 1e-8) break;
    a -= step * da;
    b -= step * db;
    const next = loss(a, b);
    const done = current - next < 1e-10;
    current = next;
    if (done) break;
  }
  return { a, b };
}

/**
 * The threshold on calibrated probabilities that keeps precision ≥ `minPrecision` with the most
 * recall (midway between the last item kept and the next); the best-F1 cut when none reaches it.
 */
export function chooseThreshold(probabilities: readonly number[], ys: readonly number[], minPrecision: number): number {
  const order = probabilities.map((p, i) => ({ p, y: ys[i] ?? 0 })).sort((x, y) => y.p - x.p || x.y - y.y);
  const positives = order.filter((o) => o.y === 1).length;
  let tp = 0;
  let best = { recall: -1, cut: -1 };
  let bestF1 = { f1: -1, cut: 0 };
  order.forEach((o, k) => {
    if (o.y === 1) tp += 1;
    // Cut only between distinct probabilities: a tie cannot be split by a threshold.
    if (k + 1 < order.length && order[k + 1]?.p === o.p) return;
    const precision = tp / (k + 1);
    const recall = positives === 0 ? 1 : tp / positives;
    if (precision >= minPrecision && recall > best.recall) best = { recall, cut: k };
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > bestF1.f1) bestF1 = { f1, cut: k };
  });
  const cut = best.cut >= 0 ? best.cut : bestF1.cut;
  const here = order[cut]?.p ?? 0.5;
  const next = order[cut + 1]?.p ?? 0;
  return (here + next) / 2;
}
