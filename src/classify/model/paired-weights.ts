import { KINDS, type Kind } from '../../domain/index.js';
import { WirewatchError } from '../../errors.js';
import type { LoadedModel, WeightView } from './linear-model.js';
import type { SparseVector } from './story-features.js';

/**
 * Both kinds' weights side by side ([strike₀, negotiation₀, strike₁, …]), int16 when the model
 * came from a file. A story's ~650 buckets are scattered over the weights: with one cache line
 * serving both kinds, at a quarter of the bytes, scoring stops waiting on memory.
 */
export interface PairedWeights {
  data: Float64Array | Int16Array;
  /** weight = data[2i + slot] × scales[slot]; 1 for float weights (× 1 is exact). */
  scales: [number, number];
  /** One kind's weights as a view for `topContributions`. */
  view(kind: Kind): WeightView;
}

export function pairWeights(model: LoadedModel): PairedWeights {
  if (KINDS.length !== 2) throw new WirewatchError('input_invalid', 'model weights: pairing assumes two kinds');
  const [first, second] = KINDS.map((kind) => model.kinds[kind]) as [LoadedModel['kinds'][Kind], LoadedModel['kinds'][Kind]];
  const quantized = first.quantized !== undefined && second.quantized !== undefined;
  const size = first.weights.length;
  const data = quantized ? new Int16Array(2 * size) : new Float64Array(2 * size);
  const sources = quantized ? [first.quantized?.q, second.quantized?.q] : [first.weights, second.weights];
  for (const [slot, source] of sources.entries()) for (let i = 0; i < size; i++) data[2 * i + slot] = source?.[i] ?? 0;
  const scales: [number, number] = quantized ? [first.quantized?.scale ?? 1, second.quantized?.scale ?? 1] : [1, 1];
  return { data, scales, view: (kind) => ({ data, stride: 2, offset: KINDS.indexOf(kind), scale: scales[KINDS.indexOf(kind)] ?? 1 }) };
}

/** Each kind's margin in one pass: the same products (q × scale × value), summed in the same order. */
export function pairedMargins(x: SparseVector, paired: PairedWeights): [number, number] {
  const { data } = paired;
  const [a, b] = paired.scales;
  let first = 0;
  let second = 0;
  for (let k = 0; k < x.indices.length; k++) {
    const at = (x.indices[k] ?? 0) * 2;
    const v = x.values[k] ?? 0;
    first += (data[at] ?? 0) * a * v;
    second += (data[at + 1] ?? 0) * b * v;
  }
  return [first, second];
}
