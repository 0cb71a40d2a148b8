import { RULES_CLASSIFIER, type Classifier } from '../classify/classifier.js';
import { formatEvaluationReport } from '../classify/evaluation-report.js';
import { committedModel, MODEL_CLASSIFIER } from '../classify/model/committed-model.js';
import { WirewatchError } from '../errors.js';
import { crossValidate, modelFactory, prepareItems } from './cross-validate.js';
import { readCorpusFile, readTrainingCorpus } from './corpus-files.js';
import { formatConfusion, formatFoldFigures, formatWorstMisses, pooledReport, summarizeFolds } from './cv-summary.js';
import { assignFolds } from './event-folds.js';
import { scoreCorpus } from './score-corpus.js';
import { DEFAULT_TRAIN_OPTIONS } from './train-logistic.js';

export type ClassifierName = 'rules' | 'model';

export function pickClassifier(name: string | undefined): { name: ClassifierName; classifier: Classifier } {
  if (name === undefined || name === 'model') return { name: 'model', classifier: MODEL_CLASSIFIER };
  if (name === 'rules') return { name: 'rules', classifier: RULES_CLASSIFIER };
  throw new WirewatchError('cli_usage', `--classifier must be rules or model, not ${name}`);
}

/** Hears which stage a long evaluation is in and how far it got (a progress line on stderr). */
export type EvalProgress = (stage: string, done: number, total: number) => void;

/**
 * `npm run eval -- --cv K`: K-fold cross-validation of the pipeline on train + dev (a model is
 * retrained per fold with the committed model's feature set), dev's out-of-fold figures apart,
 * then recent.jsonl scored by a model fitted on train + dev alone.
 */
export function runCrossValidation(dir: string, k: number, name: ClassifierName, worst: number, progress?: EvalProgress): string {
  if (!Number.isInteger(k) || k < 2) throw new WirewatchError('cli_usage', `--cv needs a whole number of folds ≥ 2, not ${k}`);
  const { stories } = readTrainingCorpus(dir);
  progress?.('preparing train + dev', 0, stories.length);
  const items = prepareItems(stories);
  const folds = assignFolds(stories, k);
  const make =
    name === 'rules' ? () => RULES_CLASSIFIER : modelFactory(items, committedModel().model.featureSet, folds, DEFAULT_TRAIN_OPTIONS);
  const cv = crossValidate(items, folds, k, make, (done, total) => progress?.('cross-validation folds done', done, total));
  const devIds = new Set(readCorpusFile(dir, 'dev.jsonl').stories.map((s) => s.id));
  const lines = [
    `Cross-validation of the ${name} classifier${name === 'model' ? ` (${committedModel().model.featureSet})` : ''}: ${k} folds over train + dev (${stories.length} items; one event's stories in one fold)`,
    formatFoldFigures('F1 mean ± std', summarizeFolds(cv.folds)),
    '',
    formatEvaluationReport(pooledReport(stories, cv), 'all folds pooled (out-of-fold)').split('\n').slice(0, 6).join('\n'),
    '',
    formatEvaluationReport(
      pooledReport(stories, cv, (id) => devIds.has(id)),
      'dev.jsonl items, out-of-fold',
    )
      .split('\n')
      .slice(0, 6)
      .join('\n'),
    '',
    formatConfusion(stories, cv.items),
    '',
    formatWorstMisses(stories, cv.items, worst),
  ];
  try {
    // The committed model also learned from recent.jsonl: score it with the same set fitted on
    // train + dev alone, as `npm run train` does.
    progress?.('scoring recent.jsonl', 0, 1);
    const classifier = name === 'rules' ? RULES_CLASSIFIER : make(items.map((_, i) => i));
    const recent = scoreCorpus(readCorpusFile(dir, 'recent.jsonl').stories, classifier);
    lines.push(
      '',
      formatEvaluationReport(recent, `recent.jsonl, ${name} classifier fitted on train + dev only`).split('\n').slice(0, 6).join('\n'),
    );
  } catch (error) {
    if (!(error instanceof WirewatchError)) throw error;
    lines.push('', `recent.jsonl not scored: ${error.message}`);
  }
  return lines.join('\n');
}
