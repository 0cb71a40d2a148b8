import { toScore, type Score } from '../classify/evaluate.js';
import { isDistractor, scorePrepared, type PreparedStory } from './evaluate-clustering.js';
import type { MatchPolicy } from './match-incident.js';
import type { PairWeights } from './pair-evidence.js';

/**
 * Leave-one-event-out cross-validation of the pair weights: for each event, the weights are
 * chosen on the other events (and every distractor) alone, then scored on the held-out event.
 * The figures say how the matcher does on an attack it was not tuned on, not how well it fits.
 */
export type WeightGrid = Partial<Record<keyof PairWeights, readonly number[]>>;

/** Candidate values around the defaults; what the figures in docs/incidents.md were chosen from. */
export const DEFAULT_GRID: WeightGrid = {
  threshold: [0.4, 0.45, 0.5],
  overlap: [0.3, 0.6],
  sameTown: [0.15, 0.25, 0.35],
  otherTarget: [-0.1, -0.2],
  oneSite: [0, -0.05],
};

/** Precision first: a weight set below this pairwise precision is never chosen over one above it. */
export const MIN_PRECISION = 0.97;

export interface FoldResult {
  event: string;
  chosen: Partial<PairWeights>;
  /** Pairs touching the held-out event, clustered with the weights chosen without it. */
  pairs: Score;
}

export interface CrossValidation {
  folds: FoldResult[];
  /** Summed over folds. */
  pairs: Score;
  /** Chosen on all events: the defaults to ship. */
  chosen: Partial<PairWeights>;
}

export async function crossValidate(
  prepared: readonly PreparedStory[],
  policy: MatchPolicy,
  now: number,
  grid: WeightGrid = DEFAULT_GRID,
  /** Hears how many held-out events are done (0 at the start), for a progress line. */
  onFold?: (done: number, total: number) => void,
): Promise<CrossValidation> {
  const candidates = expandGrid(grid);
  const events = [...new Set(prepared.map((p) => p.story.event))].filter((e) => !isDistractor(e));
  const at = (weights: Partial<PairWeights>): MatchPolicy => ({ ...policy, pairWeights: { ...policy.pairWeights, ...weights } });
  const choose = async (subset: readonly PreparedStory[]) => {
    let best: { weights: Partial<PairWeights>; merit: number } | undefined;
    for (const weights of candidates) {
      const { precision, recall } = (await scorePrepared(subset, at(weights), now)).overall.pairs;
      const merit = precision >= MIN_PRECISION ? recall : precision - 1;
      if (!best || merit > best.merit) best = { weights, merit };
    }
    return best?.weights ?? {};
  };
  const folds: FoldResult[] = [];
  onFold?.(0, events.length);
  for (const event of events) {
    const chosen = await choose(prepared.filter((p) => p.story.event !== event));
    const held = (await scorePrepared(prepared, at(chosen), now)).events.find((e) => e.event === event);
    folds.push({ event, chosen, pairs: held?.pairs ?? toScore(0, 0, 0) });
    onFold?.(folds.length, events.length);
  }
  const sum = (key: 'tp' | 'fp' | 'fn') => folds.reduce((n, f) => n + f.pairs[key], 0);
  return { folds, pairs: toScore(sum('tp'), sum('fp'), sum('fn')), chosen: await choose(prepared) };
}

function expandGrid(grid: WeightGrid): Partial<PairWeights>[] {
  let combos: Partial<PairWeights>[] = [{}];
  for (const [key, values] of Object.entries(grid) as [keyof PairWeights, readonly number[]][]) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value })));
  }
  return combos;
}

export interface Ablation {
  weight: keyof PairWeights;
  value: number;
  /** Pairwise figures with this one weight set to 0 (every other as shipped). */
  without: Score;
}

/** What each piece of evidence is worth: the figures with it left out, one at a time. */
export async function ablateWeights(
  prepared: readonly PreparedStory[],
  policy: MatchPolicy,
  now: number,
): Promise<{ shipped: Score; ablations: Ablation[] }> {
  const shipped = (await scorePrepared(prepared, policy, now)).overall.pairs;
  const ablations: Ablation[] = [];
  for (const [weight, value] of Object.entries(policy.pairWeights) as [keyof PairWeights, number][]) {
    if (value === 0 || weight === 'threshold') continue;
    const without = await scorePrepared(prepared, { ...policy, pairWeights: { ...policy.pairWeights, [weight]: 0 } }, now);
    ablations.push({ weight, value, without: without.overall.pairs });
  }
  return { shipped, ablations };
}
