/**
 * Sums a story's hashed features into a sorted sparse vector, group by group, without a table
 * as long as the model (2^18 buckets). Such tables made nearly every access a CPU cache miss:
 * a story touches ~650 buckets spread over megabytes, and that cost more than hashing. Here
 * each add is appended to small arrays, and one stable radix sort by bucket puts every bucket's
 * adds together, in story order; two linear passes then give each group's norm and each bucket's
 * value.
 *
 * The arithmetic is the one the feature builder always did: within a group, repeats of a bucket
 * count up; a group's scale is 1/√max(Σ count², floor) (1 for a binary group); a bucket's value
 * is 0 + its groups' count × scale in group order; a bucket remembers its first add's `what`.
 */

export interface AccumulatedVector {
  indices: number[];
  values: number[];
  /** The `what` of the first add to each bucket, parallel to `indices`. */
  whats: Float64Array;
}

const DIGIT = 9;
const RADIX = 1 << DIGIT;
const histogram = new Int32Array(RADIX);
/** Below this many adds, insertion sort beats the radix passes' fixed cost. */
const SMALL = 48;

/** Scratch shared by every story: feature building is synchronous, so stories never overlap. */
let bucket = new Int32Array(4096);
let what = new Float64Array(4096);
let groupOf = new Uint16Array(4096);
let order = new Int32Array(4096);
let spare = new Int32Array(4096);

export class FeatureAccumulator {
  private n = 0;
  private readonly binary: boolean[] = [];
  private readonly floors: number[] = [];

  constructor(private readonly bits: number) {}

  add(index: number, description: number): void {
    const n = this.n;
    if (n === bucket.length) growScratch();
    bucket[n] = index;
    what[n] = description;
    groupOf[n] = this.binary.length;
    this.n = n + 1;
  }

  /** Ends the open group: `binary` keeps value 1 per bucket, otherwise it is L2-normalised. */
  close(binary: boolean, floor: number): void {
    this.binary.push(binary);
    this.floors.push(floor);
  }

  /** The story's vector, buckets ascending. Call once, after the last `close`. */
  finish(): AccumulatedVector {
    const n = this.n;
    // Adds after the last close form a group of their own, normalised.
    if (n > 0 && (groupOf[n - 1] ?? 0) === this.binary.length) this.close(false, 1);
    const sorted = sortByBucket(n, this.bits);
    const groups = this.binary.length;
    // Pass 1: each group's Σ count² (integers: exact in any order).
    const norms = new Float64Array(groups);
    forEachRun(sorted, n, (g, count) => (norms[g] = (norms[g] ?? 0) + count * count));
    const scales = new Float64Array(groups);
    for (let g = 0; g < groups; g++) scales[g] = 1 / Math.sqrt(Math.max(norms[g] ?? 0, this.floors[g] ?? 1));
    // Pass 2: values, adding the groups of one bucket in group order.
    const indices: number[] = [];
    const values: number[] = [];
    const whats: number[] = [];
    let last = -1;
    forEachRun(sorted, n, (g, count, first) => {
      const index = bucket[first] ?? 0;
      const v = this.binary[g] === true ? 1 : count * (scales[g] ?? 0);
      if (index !== last) {
        last = index;
        indices.push(index);
        values.push(0 + v);
        whats.push(what[first] ?? 0);
      } else values[values.length - 1] = (values[values.length - 1] ?? 0) + v;
    });
    return { indices, values, whats: Float64Array.from(whats) };
  }
}

/** Calls `visit(group, count, firstAdd)` per run of one bucket within one group, buckets ascending. */
function forEachRun(sorted: Int32Array, n: number, visit: (group: number, count: number, first: number) => void): void {
  let k = 0;
  while (k < n) {
    const first = sorted[k] ?? 0;
    const index = bucket[first];
    const g = groupOf[first] ?? 0;
    let end = k + 1;
    while (end < n && bucket[sorted[end] ?? 0] === index && groupOf[sorted[end] ?? 0] === g) end++;
    visit(g, end - k, first);
    k = end;
  }
}

/** Add positions 0…n-1 ordered by bucket, stably (equal buckets keep story order). */
function sortByBucket(n: number, bits: number): Int32Array {
  let from = order;
  let to = spare;
  for (let k = 0; k < n; k++) from[k] = k;
  if (n <= SMALL) {
    for (let k = 1; k < n; k++) {
      const p = from[k] ?? 0;
      const b = bucket[p] ?? 0;
      let j = k - 1;
      for (; j >= 0 && (bucket[from[j] ?? 0] ?? 0) > b; j--) from[j + 1] = from[j] ?? 0;
      from[j + 1] = p;
    }
    return from;
  }
  for (let shift = 0; shift < bits; shift += DIGIT) {
    histogram.fill(0);
    for (let k = 0; k < n; k++) {
      const d = ((bucket[from[k] ?? 0] ?? 0) >>> shift) & (RADIX - 1);
      histogram[d] = (histogram[d] ?? 0) + 1;
    }
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = histogram[d] ?? 0;
      histogram[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const p = from[k] ?? 0;
      const d = ((bucket[p] ?? 0) >>> shift) & (RADIX - 1);
      const at = histogram[d] ?? 0;
      histogram[d] = at + 1;
      to[at] = p;
    }
    [from, to] = [to, from];
  }
  return from;
}

function growScratch(): void {
  const size = 2 * bucket.length;
  const grown = <T extends Int32Array | Float64Array | Uint16Array>(old: T, make: (size: number) => T): T => {
    const next = make(size);
    next.set(old);
    return next;
  };
  bucket = grown(bucket, (s) => new Int32Array(s));
  what = grown(what, (s) => new Float64Array(s));
  groupOf = grown(groupOf, (s) => new Uint16Array(s));
  order = new Int32Array(size);
  spare = new Int32Array(size);
}
