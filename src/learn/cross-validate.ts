import { analyzeStory } from '../classify/analyze-story.js';
import { classifyStory } from '../classify/classify-story.js';
import { evaluatePredictions, type EvaluationReport, type PredictedItem } from '../classify/evaluate.js';
import type { LabelledStory } from '../classify/labelled-corpus.js';
import type { Classifier } from '../classify/classifier.js';
import type { LinearKindModel, LoadedModel } from '../classify/model/linear-model.js';
import { scoreMargin, calibrate } from '../classify/model/linear-model.js';
import { createModelClassifier } from '../classify/model/model-classifier.js';
import { extractStoryFeatures, FEATURE_SETS, type RuleView, type SparseVector } from '../classify/model/story-features.js';
import type { Sentence } from '../classify/text-units.js';
import { KINDS, type Kind } from '../domain/index.js';
import { chooseThreshold, fitPlatt } from './calibrate-threshold.js';
import { trainLogistic, type TrainOptions } from './train-logistic.js';

/** Precision every threshold must keep (the bar), recall maximised under it. */
export const MIN_PRECISION = 0.92;

export interface PreparedItem {
  story: LabelledStory;
  sentences: Sentence[];
  rules: RuleView;
}

export function prepareItems(stories: readonly LabelledStory[]): PreparedItem[] {
  return stories.map((story) => {
    const c = classifyStory(story);
    return {
      story,
      sentences: c.sentences,
      rules: { evidence: c.evidence, sentences: { strike: c.strikeSentences, negotiation: c.negotiationSentences } },
    };
  });
}

export function vectorize(items: readonly PreparedItem[], featureSet: string, bits: number): SparseVector[] {
  const set = FEATURE_SETS[featureSet];
  if (set === undefined) throw new Error(`unknown feature set ${featureSet}`);
  return items.map((item) => extractStoryFeatures(item.sentences, item.rules, set, bits));
}

const labelsOf = (items: readonly PreparedItem[], kind: Kind) => items.map((i) => (i.story.kinds.includes(kind) ? 1 : 0));

/**
 * Trains one kind on `subset` and calibrates it on out-of-fold margins from the subset's own
 * folds, so neither the Platt curve nor the threshold ever sees a story scored by a model
 * trained on it.
 */
export function fitKind(
  xs: readonly SparseVector[],
  ys: readonly number[],
  folds: readonly number[],
  subset: readonly number[],
  options: TrainOptions,
): LinearKindModel {
  const foldIds = [...new Set(subset.map((i) => folds[i] ?? 0))].sort((a, b) => a - b);
  const margins = new Map<number, number>();
  for (const f of foldIds) {
    const inner = subset.filter((i) => folds[i] !== f);
    const w = trainLogistic(
      inner.map((i) => xs[i] as SparseVector),
      inner.map((i) => ys[i] ?? 0),
      options,
    );
    for (const i of subset) if (folds[i] === f) margins.set(i, scoreMargin(xs[i] as SparseVector, w));
  }
  const m = subset.map((i) => margins.get(i) ?? 0);
  const y = subset.map((i) => ys[i] ?? 0);
  const platt = fitPlatt(m, y);
  const threshold = chooseThreshold(
    m.map((v) => calibrate(v, platt)),
    y,
    MIN_PRECISION,
  );
  const weights = trainLogistic(
    subset.map((i) => xs[i] as SparseVector),
    y,
    options,
  );
  return { weights, platt, threshold };
}

export function fitModel(
  items: readonly PreparedItem[],
  featureSet: string,
  folds: readonly number[],
  subset: readonly number[],
  options: TrainOptions,
  xs: readonly SparseVector[] = vectorize(items, featureSet, options.dimensionBits),
): LoadedModel {
  const kinds = {} as Record<Kind, LinearKindModel>;
  for (const kind of KINDS) kinds[kind] = fitKind(xs, labelsOf(items, kind), folds, subset, options);
  return { featureSet, dimensionBits: options.dimensionBits, kinds };
}

export interface ScoredItem extends PredictedItem {
  fold: number;
  probability: Record<Kind, number>;
}

export interface CrossValidation {
  folds: EvaluationReport[];
  items: ScoredItem[];
}

/**
 * K-fold cross-validation of the whole pipeline (`analyzeStory` with the fold's classifier), so
 * region figures count too. `makeClassifier` gets the training indices of a fold; rules ignore them.
 * `onFold` hears how many folds are done (0 at the start), for a progress line.
 */
export function crossValidate(
  items: readonly PreparedItem[],
  folds: readonly number[],
  k: number,
  makeClassifier: (train: number[]) => Classifier,
  onFold?: (done: number, total: number) => void,
): CrossValidation {
  const reports: EvaluationReport[] = [];
  const scored: ScoredItem[] = [];
  onFold?.(0, k);
  for (let f = 0; f < k; f++) {
    const train = items.map((_, i) => i).filter((i) => folds[i] !== f);
    const test = items.filter((_, i) => folds[i] === f);
    const classifier = makeClassifier(train);
    const predicted = test.map((item) => {
      const a = analyzeStory(item.story, classifier);
      const probability = Object.fromEntries(KINDS.map((kind) => [kind, a.scores?.[kind].probability ?? 0])) as Record<Kind, number>;
      return { id: item.story.id, kinds: a.kinds, regions: a.regions.map((r) => r.code), fold: f, probability };
    });
    scored.push(...predicted);
    reports.push(
      evaluatePredictions(
        test.map((t) => t.story),
        predicted,
      ),
    );
    onFold?.(f + 1, k);
  }
  return { folds: reports, items: scored };
}

/** A model classifier factory for `crossValidate`: trains on the fold's training part. */
export function modelFactory(
  items: readonly PreparedItem[],
  featureSet: string,
  folds: readonly number[],
  options: TrainOptions,
): (train: number[]) => Classifier {
  const xs = vectorize(items, featureSet, options.dimensionBits);
  return (train) => createModelClassifier(fitModel(items, featureSet, folds, train, options, xs), featureSet);
}
