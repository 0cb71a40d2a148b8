import { z } from 'zod';
import { KINDS, type Kind } from '../../domain/index.js';
import { WirewatchError } from '../../errors.js';
import type { SparseVector } from './story-features.js';

/**
 * A logistic regression per kind over hashed features, as `npm run train` writes it: weights
 * quantised to int16 (base64), a Platt calibration from out-of-fold scores, and the threshold on
 * the calibrated probability chosen for precision ≥ 0.92.
 */

const KIND_MODEL = z.object({
  /** Weight = int16 × scale. */
  scale: z.number().positive(),
  weights: z.string(),
  platt: z.object({ a: z.number(), b: z.number() }),
  threshold: z.number().min(0).max(1),
});

export const MODEL_FILE = z.object({
  version: z.literal(1),
  featureSet: z.string(),
  dimensionBits: z.number().int().min(8).max(24),
  kinds: z.object({ strike: KIND_MODEL, negotiation: KIND_MODEL }),
  training: z.record(z.string(), z.unknown()),
  /** sha256 of everything above, so a hand edit or a stale file is seen. */
  contentHash: z.string(),
});

export type ModelFile = z.infer<typeof MODEL_FILE>;
export type KindModelFile = z.infer<typeof KIND_MODEL>;

export interface LinearKindModel {
  weights: Float64Array;
  platt: { a: number; b: number };
  threshold: number;
  /** The int16 weights and scale a model file stored (weights[i] = q[i] × scale), when loaded from one. */
  quantized?: { q: Int16Array; scale: number };
}

/**
 * Where weight i of one kind sits: `data[i × stride + offset] × scale`. Lets a classifier keep
 * both kinds' weights side by side, quantised, while sharing the scoring helpers below.
 */
export interface WeightView {
  data: Float64Array | Int16Array;
  stride: number;
  offset: number;
  scale: number;
}

export interface LoadedModel {
  featureSet: string;
  dimensionBits: number;
  kinds: Record<Kind, LinearKindModel>;
}

export function loadModel(raw: unknown): LoadedModel {
  const parsed = MODEL_FILE.safeParse(raw);
  if (!parsed.success) throw new WirewatchError('input_invalid', `model weights: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const file = parsed.data;
  const size = 1 << file.dimensionBits;
  const kinds = {} as Record<Kind, LinearKindModel>;
  for (const kind of KINDS) {
    const k = file.kinds[kind];
    const q = decodeQuantized(k.weights);
    const weights = dequantize(q, k.scale);
    if (weights.length !== size)
      throw new WirewatchError('input_invalid', `model weights: ${kind} has ${weights.length} weights, expected ${size}`);
    kinds[kind] = { weights, platt: k.platt, threshold: k.threshold, quantized: { q, scale: k.scale } };
  }
  return { featureSet: file.featureSet, dimensionBits: file.dimensionBits, kinds };
}

/** Quantises to int16 with one scale per kind: 2 bytes a weight keeps the file well under 5 MB. */
export function encodeWeights(weights: Float64Array): { scale: number; weights: string } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 32767;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round((weights[i] ?? 0) / scale);
  return { scale, weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64') };
}

export function decodeWeights(base64: string, scale: number): Float64Array {
  return dequantize(decodeQuantized(base64), scale);
}

function decodeQuantized(base64: string): Int16Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function dequantize(q: Int16Array, scale: number): Float64Array {
  const out = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = (q[i] ?? 0) * scale;
  return out;
}

export function scoreMargin(x: SparseVector, weights: Float64Array): number {
  let m = 0;
  for (let k = 0; k < x.indices.length; k++) m += (weights[x.indices[k] ?? 0] ?? 0) * (x.values[k] ?? 0);
  return m;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function calibrate(margin: number, platt: { a: number; b: number }): number {
  return sigmoid(platt.a * margin + platt.b);
}

/** The features that pushed the margin most, each with its contribution, strongest first. */
export function topContributions(
  x: SparseVector,
  weights: Float64Array | WeightView,
  count: number,
): { name: string; contribution: number }[] {
  const { data, stride, offset, scale } = weights instanceof Float64Array ? { data: weights, stride: 1, offset: 0, scale: 1 } : weights;
  // Naming a feature builds a string: name only those that can reach the top, i.e. whose
  // |contribution| is at least the (count + 1)-th largest (one more, as `bias` is left out).
  const n = x.indices.length;
  const contributions = new Float64Array(n);
  const magnitudes = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // × 1 is exact, so a plain weight array gives the same products as before views existed.
    const c = (data[(x.indices[k] ?? 0) * stride + offset] ?? 0) * scale * (x.values[k] ?? 0);
    contributions[k] = c;
    magnitudes[k] = Math.abs(c);
  }
  const floor = n > count + 1 ? largest(magnitudes, count + 1) : 0;
  const all: { name: string; contribution: number }[] = [];
  for (let k = 0; k < n; k++) {
    if ((magnitudes[k] ?? 0) < floor) continue;
    const contribution = contributions[k] ?? 0;
    const name = x.names?.[k] ?? x.nameOf?.(k) ?? `#${x.indices[k]}`;
    if (name !== 'bias' && contribution !== 0) all.push({ name, contribution });
  }
  all.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.name < b.name ? -1 : 1));
  return all.slice(0, count);
}

/** The `rank`-th largest of `values` (1 = the maximum); `values` has at least `rank` items. */
function largest(values: Float64Array, rank: number): number {
  // The best `rank` so far, descending: most values fail the first comparison.
  const best = new Float64Array(rank).fill(-1);
  for (const v of values) {
    if (v <= (best[rank - 1] ?? 0)) continue;
    let i = rank - 1;
    for (; i > 0 && v > (best[i - 1] ?? 0); i--) best[i] = best[i - 1] ?? 0;
    best[i] = v;
  }
  return best[rank - 1] ?? 0;
}
