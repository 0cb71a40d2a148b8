import { parseArgs } from 'node:util';
import { evaluatePredictions } from '../../src/classify/evaluate.js';
import { formatEvaluationReport } from '../../src/classify/evaluation-report.js';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { describeError } from '../../src/errors.js';
import { DEFAULT_CORPUS_DIR, readCorpusFile } from '../../src/learn/corpus-files.js';
import { pickClassifier, runCrossValidation } from '../../src/learn/cv-evaluation.js';
import { dirname, basename } from 'node:path';
import { runClusterEval } from './eval-clusters.js';

// `npm run eval -- [file.jsonl] [--json] [--classifier rules|model] [--cv K [--pool]] [--corpus DIR] [--worst N]`:
// scores analyzeStory on a labelled corpus (dev.jsonl by default), or cross-validates with --cv;
// `--clusters [file]` scores incident matching instead.
async function main(argv: string[]): Promise<number> {
  // `--clusters` has its own flags (its `--cv` is leave-one-event-out, without a fold count).
  if (argv.includes('--clusters')) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, clusters: { type: 'boolean' }, cv: { type: 'boolean' }, ablate: { type: 'boolean' } },
      allowPositionals: true,
    });
    return runClusterEval(positionals[0], { json: values.json === true, cv: values.cv === true, ablate: values.ablate === true });
  }
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      classifier: { type: 'string' },
      cv: { type: 'string' },
      corpus: { type: 'string' },
      worst: { type: 'string' },
      pool: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const { name, classifier } = pickClassifier(values.classifier);
  const dir = values.corpus ?? DEFAULT_CORPUS_DIR;
  if (values.cv !== undefined) {
    process.stdout.write(`${runCrossValidation(dir, Number(values.cv), name, Number(values.worst ?? '8'), values.pool === true)}\n`);
    return 0;
  }
  const file = positionals[0];
  const gold = (file === undefined ? readCorpusFile(dir, 'dev.jsonl') : readCorpusFile(dirname(file), basename(file))).stories;
  const predicted = gold.map((item) => {
    const analysis = analyzeStory(item, classifier);
    return { id: item.id, kinds: analysis.kinds, regions: analysis.regions.map((r) => r.code) };
  });
  const report = evaluatePredictions(gold, predicted);
  const source = `${file ?? `${dir}/dev.jsonl`} (${name} classifier)`;
  process.stdout.write(`${values.json === true ? JSON.stringify(report) : formatEvaluationReport(report, source)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
