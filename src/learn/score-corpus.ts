import { analyzeStory } from '../classify/analyze-story.js';
import type { Classifier } from '../classify/classifier.js';
import { evaluatePredictions, type EvaluationReport } from '../classify/evaluate.js';
import type { LabelledStory } from '../classify/labelled-corpus.js';

/** The whole pipeline with `classifier` on a labelled corpus, scored. */
export function scoreCorpus(stories: readonly LabelledStory[], classifier: Classifier): EvaluationReport {
  const predicted = stories.map((item) => {
    const a = analyzeStory(item, classifier);
    return { id: item.id, kinds: a.kinds, regions: a.regions.map((r) => r.code) };
  });
  return evaluatePredictions(stories, predicted);
}
