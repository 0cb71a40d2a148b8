import { KINDS, type Kind } from '../domain/index.js';

/**
 * Scores predictions against a labelled corpus (the ../shared/corpus/dev.jsonl format). Kinds are
 * scored per kind; regions are micro-averaged over the region codes of items labelled strike,
 * which is what a channel subscribed to a region experiences.
 */

export interface LabelledItem {
  id: string;
  kinds: readonly Kind[];
  regions: readonly string[];
}

export interface PredictedItem {
  id: string;
  kinds: readonly Kind[];
  regions: readonly string[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface KindScore extends Score {
  falsePositives: string[];
  falseNegatives: string[];
}

export interface RegionMiss {
  id: string;
  missing: string[];
  extra: string[];
}

export interface EvaluationReport {
  items: number;
  kinds: Record<Kind, KindScore>;
  /** Region codes on items labelled strike. */
  regions: Score & { misses: RegionMiss[] };
}

export function evaluatePredictions(gold: readonly LabelledItem[], predicted: readonly PredictedItem[]): EvaluationReport {
  const byId = new Map(predicted.map((p) => [p.id, p]));
  const kinds = Object.fromEntries(KINDS.map((kind) => [kind, scoreKind(kind, gold, byId)])) as Record<Kind, KindScore>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: RegionMiss[] = [];
  for (const item of gold) {
    if (!item.kinds.includes('strike')) continue;
    const expected = new Set(item.regions);
    const got = new Set(byId.get(item.id)?.regions ?? []);
    const missing = [...expected].filter((code) => !got.has(code));
    const extra = [...got].filter((code) => !expected.has(code));
    tp += expected.size - missing.length;
    fn += missing.length;
    fp += extra.length;
    if (missing.length > 0 || extra.length > 0) misses.push({ id: item.id, missing, extra });
  }
  return { items: gold.length, kinds, regions: { ...toScore(tp, fp, fn), misses } };
}

function scoreKind(kind: Kind, gold: readonly LabelledItem[], byId: ReadonlyMap<string, PredictedItem>): KindScore {
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  let tp = 0;
  for (const item of gold) {
    const expected = item.kinds.includes(kind);
    const got = byId.get(item.id)?.kinds.includes(kind) ?? false;
    if (expected && got) tp += 1;
    else if (got) falsePositives.push(item.id);
    else if (expected) falseNegatives.push(item.id);
  }
  return { ...toScore(tp, falsePositives.length, falseNegatives.length), falsePositives, falseNegatives };
}

/** Precision and recall are 1 when there is nothing to get wrong, so an empty class scores F1 1. */
export function toScore(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}
