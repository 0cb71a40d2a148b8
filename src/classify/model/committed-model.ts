import type { Classifier } from '../classifier.js';
import WEIGHTS from './data/weights.generated.json' with { type: 'json' };
import { loadModel, type LoadedModel } from './linear-model.js';
import { createModelClassifier } from './model-classifier.js';

let loaded: { model: LoadedModel; classifier: Classifier } | undefined;

/** The model `npm run train` committed; decoded on first use so importing stays cheap. */
export function committedModel(): { model: LoadedModel; classifier: Classifier } {
  if (loaded === undefined) {
    const model = loadModel(WEIGHTS);
    loaded = { model, classifier: createModelClassifier(model) };
  }
  return loaded;
}

export const MODEL_CLASSIFIER: Classifier = {
  name: 'model',
  score: (input) => committedModel().classifier.score(input),
};
